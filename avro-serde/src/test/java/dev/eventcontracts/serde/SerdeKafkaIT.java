package dev.eventcontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningKafka;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatusChanged;
import dev.eventcontracts.schema.AvroSchema;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The serde against our registry server and a real broker, configured only through the producer's and
 * consumer's properties, as a user's application is. Each test uses its own topic, so the subjects it registers
 * do not meet another test's; the union test uses the real {@code order-events}.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class SerdeKafkaIT {

    private static RunningKafka kafka;
    private static String registryUrl;
    private static SchemaRegistry registry;

    @BeforeAll
    static void connect(RunningKafka runningKafka, RunningRegistry runningRegistry) {
        kafka = runningKafka;
        registryUrl = runningRegistry.url();
        registry = SchemaRegistries.create(
                RegistryClientConfig.fromConfluentProperties(Map.of("schema.registry.url", registryUrl)));
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static Map<String, Object> serde(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registryUrl);
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private static String topic(String name) {
        kafka.createTopic(name, 1, 1, Map.of());
        return name;
    }

    @Test
    void topicNameStrategy_producesAndConsumesOrders() throws Exception {
        String topic = topic("orders-topic-name");
        List<Map.Entry<?, ?>> sent =
                List.of(Map.entry("o-1", Orders.created("o-1")), Map.entry("o-2", Orders.created("o-2")));

        KafkaIo.produce(kafka.bootstrapServers(), topic, serde(), sent);
        List<ConsumerRecord<Object, Object>> received =
                KafkaIo.consume(kafka.bootstrapServers(), topic, serde("specific.avro.reader", true), 2);

        assertThat(received).extracting(ConsumerRecord::key).containsExactly("o-1", "o-2");
        assertThat(received)
                .extracting(ConsumerRecord::value)
                .containsExactly(sent.get(0).getValue(), sent.get(1).getValue());
        assertThat(registry.latest(topic + "-value").schema()).isEqualTo(AvroSchema.of(OrderCreated.SCHEMA$));
        assertThat(registry.latest(topic + "-key").schema().rawSchema().getType())
                .isEqualTo(Schema.Type.STRING);
    }

    @Test
    void recordNameStrategy_registersEachEventTypeUnderItsName() throws Exception {
        String topic = topic("orders-record-name");
        assertAllThreeEventTypesRoundTrip(topic, "io.confluent.kafka.serializers.subject.RecordNameStrategy");

        assertThat(registry.idOf(
                        "dev.eventcontracts.orders.OrderStatusChanged",
                        AvroSchema.of(OrderStatusChanged.SCHEMA$),
                        false))
                .isPositive();
    }

    @Test
    void topicRecordNameStrategy_registersEachEventTypeUnderTopicAndName() throws Exception {
        String topic = topic("orders-topic-record-name");
        assertAllThreeEventTypesRoundTrip(topic, TopicRecordNameStrategy.class.getName());

        assertThat(registry.idOf(
                        topic + "-dev.eventcontracts.orders.OrderCancelled",
                        AvroSchema.of(OrderCancelled.SCHEMA$),
                        false))
                .isPositive();
    }

    private static void assertAllThreeEventTypesRoundTrip(String topic, String strategy) throws Exception {
        List<Map.Entry<?, ?>> sent = List.of(
                Map.entry("o-1", Orders.created("o-1")),
                Map.entry("o-1", Orders.statusChanged("o-1")),
                Map.entry("o-1", Orders.cancelled("o-1")));

        KafkaIo.produce(kafka.bootstrapServers(), topic, serde("value.subject.name.strategy", strategy), sent);
        List<ConsumerRecord<Object, Object>> received = KafkaIo.consume(
                kafka.bootstrapServers(),
                topic,
                serde("value.subject.name.strategy", strategy, "specific.avro.reader", true),
                3);

        assertThat(received)
                .extracting(ConsumerRecord::value)
                .containsExactly(
                        sent.get(0).getValue(),
                        sent.get(1).getValue(),
                        sent.get(2).getValue());
    }

    @Test
    void v1Producer_v2Consumer_readsCurrentClassWithDefaults() throws Exception {
        String topic = topic("orders-v1-to-v2");
        KafkaIo.produce(kafka.bootstrapServers(), topic, serde(), List.of(Map.entry("o-1", Orders.createdV1("o-1"))));

        Object value = KafkaIo.consume(kafka.bootstrapServers(), topic, serde("specific.avro.reader", true), 1)
                .get(0)
                .value();

        assertThat(value).isInstanceOf(OrderCreated.class);
        assertThat(((OrderCreated) value).getOrderId()).isEqualTo("o-1");
        assertThat(((OrderCreated) value).getShippingAddress()).as("v2 default").isNull();
    }

    @Test
    void v2Producer_v1Consumer_readsV1Schema() throws Exception {
        String topic = topic("orders-v2-to-v1");
        KafkaIo.produce(kafka.bootstrapServers(), topic, serde(), List.of(Map.entry("o-1", Orders.created("o-1"))));
        byte[] bytes = (byte[])
                KafkaIo.consumeBytes(kafka.bootstrapServers(), topic, 1).get(0).value();
        Schema v1 = Orders.released(1, "OrderCreated");

        try (AvroDeserializer v1Consumer = new AvroDeserializer(registry, v1)) {
            v1Consumer.configure(serde(), false);
            GenericRecord order = (GenericRecord) v1Consumer.deserialize(topic, bytes);

            assertThat(order.getSchema()).isEqualTo(v1);
            assertThat(order.get("orderId")).hasToString("o-1");
            assertThat(((java.util.List<?>) order.get("items"))).hasSize(3);
        }
    }

    @Test
    void unionSubject_writesAllThreeEventTypesWithTheUnionsId() throws Exception {
        String topic = topic("order-events");
        int unionId = OrderContracts.registerUnion(registry, "order-events-value");
        registry.register("order-events-key", AvroSchema.of(Schema.create(Schema.Type.STRING)), false);
        List<Map.Entry<?, ?>> sent = List.of(
                Map.entry("o-9", Orders.created("o-9")),
                Map.entry("o-9", Orders.statusChanged("o-9")),
                Map.entry("o-9", Orders.cancelled("o-9")));

        KafkaIo.produce(
                kafka.bootstrapServers(),
                topic,
                serde("use.latest.version", true, "auto.register.schemas", false),
                sent);

        List<ConsumerRecord<Object, Object>> received =
                KafkaIo.consume(kafka.bootstrapServers(), topic, serde("specific.avro.reader", true), 3);
        assertThat(received)
                .extracting(ConsumerRecord::value)
                .containsExactly(
                        sent.get(0).getValue(),
                        sent.get(1).getValue(),
                        sent.get(2).getValue());
        for (ConsumerRecord<Object, Object> raw : KafkaIo.consumeBytes(kafka.bootstrapServers(), topic, 3)) {
            assertThat(ByteBuffer.wrap((byte[]) raw.value()).getInt(1)).isEqualTo(unionId);
        }
    }

    @Test
    void unionSubject_recordTheUnionCannotHold_failsNamingSubjectAndId() {
        String topic = topic("order-events-narrow");
        registry.register(topic + "-value", AvroSchema.of(Schema.createUnion(OrderCreated.SCHEMA$)), false);
        int id = registry.latest(topic + "-value").id();

        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(serde("use.latest.version", true, "auto.register.schemas", false), false);
            assertThatThrownBy(() -> serializer.serialize(topic, Orders.cancelled("o-1")))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("OrderCancelled cannot be written with the latest version (1)")
                    .hasMessageContaining("subject '" + topic + "-value', schema id " + id);
        }
    }

    @Test
    void deserialize_idUnknownToTheRegistry_failsNamingTopicAndId() {
        try (AvroDeserializer deserializer = new AvroDeserializer()) {
            deserializer.configure(serde(), false);

            assertThatThrownBy(
                            () -> deserializer.deserialize("orders-topic-name", Orders.wire(987_654, new byte[] {2})))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Unknown schema id: the registry has no schema with id 987654")
                    .hasMessageContaining("topic 'orders-topic-name', subject 'orders-topic-name-value'");
        }
    }

    @Test
    void serialize_autoRegisterOffAndSchemaUnknown_failsSayingNotRegistered() {
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(serde("auto.register.schemas", false), false);

            assertThatThrownBy(() -> serializer.serialize("orders-never-registered", Orders.created("o-1")))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Schema not registered under the subject and auto.register.schemas=false")
                    .hasMessageContaining("subject 'orders-never-registered-value'");
        }
    }
}
