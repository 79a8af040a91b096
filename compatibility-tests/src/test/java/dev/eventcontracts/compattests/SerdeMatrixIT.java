package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerdeConfig;
import dev.eventcontracts.serde.AvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every released version of every event as writer, times every released version (and the current generated
 * classes) as reader: serialized by avro-serde with the writer release's registered schema id, through a real
 * broker, deserialized with the reader's schema, and checked field by field against the values written and
 * the reader's defaults ({@link EventValues}).
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class SerdeMatrixIT {

    private static final String CURRENT = "current";

    private String url;
    private String topic;
    private SchemaRegistry registry;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, ReleasedContractsRegistry.Release> releases = new java.util.LinkedHashMap<>();

    @BeforeAll
    void registerReleases(KafkaCluster kafka, RunningRegistry running) throws Exception {
        url = running.url();
        TopicContract contract = TopicContracts.load().topics().get(0);
        topic = contract.name() + "-matrix";
        kafka.createTopic(topic, 1, 1, Map.of());
        try (SchemaRegistryClient rest = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(url).build())) {
            ReleasedContractsRegistry.registerAll(rest, topic + "-value").forEach(r -> releases.put(r.name(), r));
        }
        registry =
                SchemaRegistries.create(RegistryClientConfig.builder().urls(url).build());
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterAll
    void close() {
        if (producer != null) {
            producer.close();
            consumer.close();
            registry.close();
        }
    }

    static Stream<Arguments> cases() throws Exception {
        List<String> versions = ReleasedContractsRegistry.releases().stream()
                .map(r -> "v" + r.version())
                .toList();
        List<String> events = TopicContracts.load().topics().get(0).value().eventTypes();
        List<Arguments> cases = new ArrayList<>();
        for (String event : events) {
            for (String writer : versions) {
                for (String reader : versions) {
                    cases.add(Arguments.of(event, writer, reader));
                }
                cases.add(Arguments.of(event, writer, CURRENT));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} written with {1}, read with {2}")
    @MethodSource("cases")
    void event_writtenWithOneVersion_readsWithAnotherAsTheContractPromises(String event, String writer, String reader)
            throws Exception {
        ReleasedContractsRegistry.Release w = releases.get(writer);
        Schema writerSchema = w.events().get(event);
        GenericRecord written = EventValues.sample(writerSchema);

        byte[] bytes = serialize(written, w.valueSchemaId());
        byte[] delivered = roundTripThroughKafka(event + "/" + writer + "/" + reader, bytes);
        Object read = deserialize(delivered, reader);

        assertThat(delivered).isEqualTo(bytes);
        Schema readerSchema = reader.equals(CURRENT)
                ? ((GenericRecord) read).getSchema()
                : releases.get(reader).valueUnion();
        EventValues.assertReadAs(
                read, readerSchema, written, writerSchema, event.substring(event.lastIndexOf('.') + 1));
    }

    private byte[] serialize(GenericRecord record, int schemaId) {
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(
                    Map.of(
                            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                            url,
                            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                            false,
                            AvroSerdeConfig.USE_LATEST_VERSION,
                            false,
                            AvroSerdeConfig.USE_SCHEMA_ID,
                            schemaId),
                    false);
            return serializer.serialize(topic, record);
        }
    }

    private Object deserialize(byte[] bytes, String reader) {
        AvroDeserializer deserializer = reader.equals(CURRENT)
                ? new AvroDeserializer(registry)
                : new AvroDeserializer(registry, releases.get(reader).valueUnion());
        try (deserializer) {
            deserializer.configure(
                    Map.of(
                            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                            url,
                            AvroSerdeConfig.SPECIFIC_AVRO_READER,
                            reader.equals(CURRENT)),
                    false);
            return deserializer.deserialize(topic, bytes);
        }
    }

    private byte[] roundTripThroughKafka(String key, byte[] value) throws Exception {
        RecordMetadata sent =
                producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        TopicPartition tp = new TopicPartition(topic, sent.partition());
        consumer.assign(List.of(tp));
        consumer.seek(tp, sent.offset());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() == sent.offset()) {
                    return r.value();
                }
            }
        }
        throw new AssertionError("record " + key + " at offset " + sent.offset() + " was not consumed within 30 s");
    }
}
