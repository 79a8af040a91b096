package dev.eventcontracts.compattests;

import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.contracts.ReleaseHistory;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.SchemaAssembler;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.schema.AvroSchema;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The released contract versions of this repository ({@code schemas/released/v<N>}), registered into a
 * registry the way {@code contracts:register} registers them: each named type under its full name with
 * references, then the topic's value union, here under a subject of the test's own topic.
 */
final class ReleasedContractsRegistry {

    /** One registered release. */
    record Release(String name, int valueSchemaId, Schema valueUnion, Map<String, Schema> events) {}

    static final Path RELEASED =
            Paths.get("..", "schemas", "released").toAbsolutePath().normalize();

    private ReleasedContractsRegistry() {}

    /** Returns the releases of this repository, oldest first. */
    static List<ReleasedContracts> releases() {
        return ReleaseHistory.read(RELEASED).releases();
    }

    /**
     * Registers every release, oldest first.
     *
     * @param rest the registry
     * @param valueSubject the subject the value unions go to
     */
    static List<Release> registerAll(SchemaRegistryClient rest, String valueSubject) {
        List<Release> releases = new ArrayList<>();
        for (ReleasedContracts release : releases()) {
            TopicContract topic = release.topics().topics().get(0);
            List<SubjectPlan> plans = release.subjects();
            SchemaAssembler<RuntimeException> assembler = SchemaAssembler.offline(plans);
            Map<String, Schema> events = new LinkedHashMap<>();
            for (SubjectPlan plan : plans) {
                if (plan.subject().equals(topic.key().subject())
                        || plan.subject().equals(topic.value().subject())) {
                    continue;
                }
                AvroSchema schema = assembler.assemble(plan.subject());
                rest.register(plan.subject(), RegisterSchemaRequest.of(schema), false);
                assembler.recordVersion(
                        plan.subject(),
                        rest.lookup(plan.subject(), RegisterSchemaRequest.of(schema), false, false)
                                .version());
                if (topic.value().eventTypes().contains(plan.subject())) {
                    events.put(plan.subject(), schema.rawSchema());
                }
            }
            AvroSchema union = assembler.assemble(topic.value().subject());
            int id = rest.register(valueSubject, RegisterSchemaRequest.of(union), false)
                    .id();
            releases.add(new Release("v" + release.version(), id, union.rawSchema(), events));
        }
        return releases;
    }
}
