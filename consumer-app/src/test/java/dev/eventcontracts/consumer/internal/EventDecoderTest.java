package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.consumer.DeadLetterReason;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventDecoderTest {

    private static final String TOPIC = "order-events";
    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "http://unused:1");

    private final FakeRegistry registry = new FakeRegistry();
    private final AvroSerializer keys = new AvroSerializer(registry, CONFIG, true);
    private final AvroSerializer values = new AvroSerializer(registry, CONFIG, false);
    private final EventDecoder decoder = new EventDecoder(
            new AvroDeserializer(registry, CONFIG, true),
            new AvroDeserializer(
                    registry, Map.of("schema.registry.url", "http://unused:1", "specific.avro.reader", true), false));

    private static OrderStatusChanged returned(String orderId) {
        return OrderStatusChanged.newBuilder()
                .setEventId("e-1")
                .setOrderId(orderId)
                .setPreviousStatus(OrderStatus.DELIVERED)
                .setStatus(OrderStatus.RETURNED)
                .setChangedAt(Instant.ofEpochMilli(5))
                .build();
    }

    private ConsumerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 2, 41, key == null ? null : keys.serialize(TOPIC, key), value);
    }

    private DeadLetterReason poisonReason(ConsumerRecord<byte[], byte[]> record) {
        try {
            decoder.decode(record);
        } catch (PoisonEventException e) {
            return e.reason();
        }
        throw new AssertionError("not poison");
    }

    @Test
    void decode_event_mapsItToTheReadModelsView() {
        OrderEvent event = decoder.decode(record("o-1", values.serialize(TOPIC, returned("o-1"))));

        assertThat(event)
                .isEqualTo(
                        new OrderEvent.StatusChanged("e-1", "o-1", "DELIVERED", "RETURNED", Instant.ofEpochMilli(5)));
    }

    @Test
    void decode_valueWithoutMagicByte_isUnknownMagicByte() {
        assertThat(poisonReason(record("o-1", "{\"json\":true}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(DeadLetterReason.UNKNOWN_MAGIC_BYTE);
    }

    @Test
    void decode_schemaIdTheRegistryDoesNotKnow_isUnknownSchemaId() {
        byte[] value = ByteBuffer.allocate(8)
                .put((byte) 0)
                .putInt(999)
                .put(new byte[] {2, 4, 6})
                .array();

        assertThat(poisonReason(record("o-1", value))).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void decode_bytesThatDoNotDecodeWithAKnownSchema_areUndecodable() {
        byte[] good = values.serialize(TOPIC, returned("o-1"));
        byte[] truncated = java.util.Arrays.copyOf(good, 7);

        assertThat(poisonReason(record("o-1", truncated))).isEqualTo(DeadLetterReason.UNDECODABLE);
    }

    @Test
    void decode_tombstone_isUndecodable() {
        assertThat(poisonReason(record("o-1", null))).isEqualTo(DeadLetterReason.UNDECODABLE);
    }

    @Test
    void decode_keyThatIsNotTheOrderId_isAnInvalidEvent() {
        assertThat(poisonReason(record("o-2", values.serialize(TOPIC, returned("o-1")))))
                .isEqualTo(DeadLetterReason.INVALID_EVENT);
    }

    @Test
    void decode_registryUnreachable_isTransientNotPoison() {
        byte[] value = values.serialize(TOPIC, returned("o-1"));
        ConsumerRecord<byte[], byte[]> record = record("o-1", value);
        FakeRegistry cold = new FakeRegistry();
        cold.down = true;
        EventDecoder coldDecoder =
                new EventDecoder(new AvroDeserializer(cold, CONFIG, true), new AvroDeserializer(cold, CONFIG, false));

        assertThatThrownBy(() -> coldDecoder.decode(record)).isInstanceOf(TransientFailureException.class);
    }

    @Test
    void decode_newerEventWithTheV1Contract_readsTheUnknownStatusAsUnknown() {
        var v1Union =
                ReleasedContracts.load(1).valueUnion(TopicContracts.load().topicFor(OrderCreated.getClassSchema()));
        AvroDeserializer v1Values = new AvroDeserializer(registry, v1Union);
        v1Values.configure(CONFIG, false);
        EventDecoder v1 = new EventDecoder(new AvroDeserializer(registry, CONFIG, true), v1Values);

        OrderEvent event = v1.decode(record("o-1", values.serialize(TOPIC, returned("o-1"))));

        assertThat(((OrderEvent.StatusChanged) event).status()).isEqualTo("UNKNOWN");
    }
}
