package dev.eventcontracts.compattests;

import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.maven.internal.ContractDescriptor;
import dev.eventcontracts.maven.internal.ContractPlanner;
import dev.eventcontracts.maven.internal.SchemaAssembler;
import dev.eventcontracts.maven.internal.SubjectPlan;
import dev.eventcontracts.schema.AvroSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The released contract versions of this repository ({@code schemas/released/v<N>}), registered into a
 * registry the way {@code contracts:register} registers them: each named type under its full name with
 * references, then the topic's value union, here under a subject of the test's own topic.
 */
final class ReleasedContractsRegistry {

    /** One registered release. */
    record Release(String name, int valueSchemaId, Schema valueUnion, Map<String, Schema> events) {
    }

    static final Path RELEASED = Paths.get("..", "schemas", "released").toAbsolutePath().normalize();

    private ReleasedContractsRegistry() {
    }

    /** Returns the release directories, oldest first. */
    static List<Path> releaseDirectories() throws Exception {
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("topics.json")))
                    .sorted(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(1))))
                    .toList();
        }
    }

    /**
     * Registers every release, oldest first.
     *
     * @param rest the registry
     * @param valueSubject the subject the value unions go to
     */
    static List<Release> registerAll(SchemaRegistryClient rest, String valueSubject) throws Exception {
        List<Release> releases = new ArrayList<>();
        for (Path dir : releaseDirectories()) {
            ContractDescriptor descriptor = ContractDescriptor.read(dir.resolve("topics.json"));
            ContractDescriptor.Topic topic = descriptor.topics().get(0);
            List<SubjectPlan> plans = ContractPlanner.fromDescriptor(descriptor, dir);
            SchemaAssembler assembler = new SchemaAssembler(plans, null);
            Map<String, Schema> events = new LinkedHashMap<>();
            for (SubjectPlan plan : plans) {
                if (plan.subject().equals(topic.keySubject()) || plan.subject().equals(topic.valueSubject())) {
                    continue;
                }
                AvroSchema schema = assembler.assemble(plan.subject());
                rest.register(plan.subject(), RegisterSchemaRequest.of(schema), false);
                assembler.recordVersion(plan.subject(),
                        rest.lookup(plan.subject(), RegisterSchemaRequest.of(schema), false, false).version());
                if (topic.eventTypes().contains(plan.subject())) {
                    events.put(plan.subject(), schema.rawSchema());
                }
            }
            AvroSchema union = assembler.assemble(topic.valueSubject());
            int id = rest.register(valueSubject, RegisterSchemaRequest.of(union), false).id();
            releases.add(new Release(dir.getFileName().toString(), id, union.rawSchema(), events));
        }
        return releases;
    }
}
