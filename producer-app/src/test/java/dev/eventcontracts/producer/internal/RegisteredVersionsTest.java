package dev.eventcontracts.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegisteredVersionsTest {

    private static final TopicContract TOPIC = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
    private static final Schema V1 = ReleasedContracts.load(1).valueUnion(TOPIC);
    private static final Schema V2 = ReleasedContracts.load(2).valueUnion(TOPIC);

    @Test
    void find_olderUnionBelowLatest_returnsItsVersionAndId() {
        FakeRegistry registry = new FakeRegistry(List.of(V1, V2));

        RegisteredVersion found = RegisteredVersions.find(registry, "order-events-value", V1);

        assertThat(found.version()).isEqualTo(1);
        assertThat(found.id()).isEqualTo(101);
    }

    @Test
    void find_unionWithJavaStringProperties_stillMatches() {
        Schema withProps = Schema.createUnion(V2.getTypes().stream()
                .map(t -> new Schema.Parser()
                        .parse(t.toString()
                                .replace(
                                        "\"type\":\"string\"",
                                        "\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}")))
                .toList());
        FakeRegistry registry = new FakeRegistry(List.of(V1, V2));

        assertThat(RegisteredVersions.find(registry, "order-events-value", withProps)
                        .version())
                .isEqualTo(2);
    }

    @Test
    void find_unionNotRegistered_failsNamingSubjectAndWhatToDo() {
        FakeRegistry registry = new FakeRegistry(List.of(V2));

        assertThatThrownBy(() -> RegisteredVersions.find(registry, "order-events-value", V1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'order-events-value'")
                .hasMessageContaining("register");
    }

    /** Versions 1..n with ids 101..; only latest and version are used. */
    private static final class FakeRegistry implements SchemaRegistry {
        private final List<RegisteredVersion> versions = new ArrayList<>();

        FakeRegistry(List<Schema> schemas) {
            for (int i = 0; i < schemas.size(); i++) {
                versions.add(
                        new RegisteredVersion("order-events-value", i + 1, 101 + i, AvroSchema.of(schemas.get(i))));
            }
        }

        @Override
        public RegisteredVersion latest(String subject) {
            return versions.get(versions.size() - 1);
        }

        @Override
        public RegisteredVersion version(String subject, int version) {
            if (version < 1 || version > versions.size()) {
                throw new RegistryException(404, 40402, "Version not found", null);
            }
            return versions.get(version - 1);
        }

        @Override
        public int register(String subject, AvroSchema schema, boolean normalize) {
            throw new AssertionError("must not register");
        }

        @Override
        public int idOf(String subject, AvroSchema schema, boolean normalize) {
            throw new AssertionError("not used");
        }

        @Override
        public AvroSchema schemaById(int id) {
            throw new AssertionError("not used");
        }

        @Override
        public void close() {}
    }
}
