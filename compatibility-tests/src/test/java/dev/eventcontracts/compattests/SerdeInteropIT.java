package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerdeConfig;
import dev.eventcontracts.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The interoperability suite, serde part: our serializer and deserializer with each {@link Registry} as
 * {@code schema.registry.url}: a record registered by the serializer itself, and the topic's union subject of
 * this repository's contracts (schema references) written with {@code use.latest.version}. The Confluent wire
 * format must not depend on the registry: the same event written through Apicurio and through our registry
 * gives the same bytes once the schema id in the header is the same.
 *
 * <p>Runs its tests one at a time: they register this repository's type subjects under their real names (the
 * specific reader needs them), and two registrations of one subject at the same moment would race.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.SAME_THREAD)
class SerdeInteropIT {

    @RegisterExtension
    static final Apicurio APICURIO = new Apicurio();

    private static final String EVENT = OrderCreated.getClassSchema().getFullName();

    RunningRegistry ours;

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void record_autoRegisteredBySerializer_isReadBackBySpecificReader(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String topic = Interop.uniqueName("s") + "-records";
        GenericRecord written = EventValues.sample(OrderCreated.getClassSchema());

        byte[] bytes = serialize(url, topic, written, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true));

        try (SchemaRegistryClient rest = Interop.client(url)) {
            int registered = rest.lookup(
                            topic + "-value",
                            RegisterSchemaRequest.of(AvroSchema.of(OrderCreated.getClassSchema())),
                            false,
                            false)
                    .id();
            assertThat(bytes[0]).isZero();
            assertThat(schemaId(bytes)).isEqualTo(registered);
        }
        Object read = deserializeSpecific(url, topic, bytes);
        assertThat(read).isInstanceOf(OrderCreated.class);
        EventValues.assertReadAs(read, OrderCreated.getClassSchema(), written, written.getSchema(), "OrderCreated");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void unionSubjectWithReferences_useLatestVersion_writesTheLatestUnionAndReadsBack(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String topic = Interop.uniqueName("s") + "-"
                + TopicContracts.load().topics().get(0).name();
        List<ReleasedContractsRegistry.Release> releases;
        try (SchemaRegistryClient rest = Interop.client(url)) {
            releases = ReleasedContractsRegistry.registerAll(rest, topic + "-value");
        }
        ReleasedContractsRegistry.Release latest = releases.get(releases.size() - 1);
        Schema writer = latest.events().get(EVENT);
        GenericRecord written = EventValues.sample(writer);

        byte[] bytes = serialize(url, topic, written, latestVersion());

        assertThat(schemaId(bytes)).isEqualTo(latest.valueSchemaId());
        Object read = deserializeSpecific(url, topic, bytes);
        assertThat(read).isInstanceOf(OrderCreated.class);
        EventValues.assertReadAs(read, OrderCreated.getClassSchema(), written, writer, "OrderCreated");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void deserialize_schemaIdTheRegistryDoesNotKnow_failsNamingTheId(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String topic = Interop.uniqueName("s") + "-unknown";
        byte[] bytes = withSchemaId(new byte[] {0, 0, 0, 0, 0, 2, 'x'}, 999_999);

        assertThatThrownBy(() -> deserializeSpecific(url, topic, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Unknown schema id: the registry has no schema with id 999999")
                .hasMessageContaining("topic '" + topic + "'");
    }

    @Test
    void sameEvents_throughApicurioAndOurs_areTheSameBytesSaveTheSchemaId() {
        String apicurio = APICURIO.url();
        String name = Interop.uniqueName("s");
        String topic = name + "-" + TopicContracts.load().topics().get(0).name();
        GenericRecord record = EventValues.sample(OrderCreated.getClassSchema());

        byte[] viaOurs =
                serialize(ours.url(), name + "-records", record, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true));
        byte[] viaApicurio =
                serialize(apicurio, name + "-records", record, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true));
        byte[] unionViaOurs = serializeUnion(ours.url(), topic, record);
        byte[] unionViaApicurio = serializeUnion(apicurio, topic, record);

        assertThat(withSchemaId(viaOurs, schemaId(viaApicurio))).isEqualTo(viaApicurio);
        assertThat(withSchemaId(unionViaOurs, schemaId(unionViaApicurio))).isEqualTo(unionViaApicurio);
        assertThat(unionViaApicurio).isNotEqualTo(viaApicurio);
    }

    private byte[] serializeUnion(String url, String topic, GenericRecord record) {
        try (SchemaRegistryClient rest = Interop.client(url)) {
            ReleasedContractsRegistry.registerAll(rest, topic + "-value");
        }
        return serialize(url, topic, record, latestVersion());
    }

    private static Map<String, Object> latestVersion() {
        return Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true);
    }

    private static byte[] serialize(String url, String topic, GenericRecord record, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(config, false);
            return serializer.serialize(topic, record);
        }
    }

    private static Object deserializeSpecific(String url, String topic, byte[] bytes) {
        try (AvroDeserializer deserializer = new AvroDeserializer()) {
            deserializer.configure(
                    Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, AvroSerdeConfig.SPECIFIC_AVRO_READER, true),
                    false);
            return deserializer.deserialize(topic, bytes);
        }
    }

    /** The schema id of the Confluent wire format: bytes 1 to 4, big-endian, after the magic byte 0. */
    private static int schemaId(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    private static byte[] withSchemaId(byte[] bytes, int id) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(id);
        return copy;
    }
}
