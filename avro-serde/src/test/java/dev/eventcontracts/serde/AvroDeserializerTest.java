package dev.eventcontracts.serde;

import static dev.eventcontracts.serde.Orders.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.orders.Address;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatusChanged;
import dev.eventcontracts.schema.AvroSchema;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroDeserializerTest {

    private final CountingRegistry registry = new CountingRegistry();

    private static Map<String, Object> config(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", "http://registry.test:8081");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private byte[] write(Object value, Object... keyValues) {
        return new AvroSerializer(registry, config(keyValues), false).serialize("order-events", value);
    }

    private Object read(byte[] bytes, Object... keyValues) {
        return new AvroDeserializer(registry, config(keyValues), false).deserialize("order-events", bytes);
    }

    @Test
    void deserialize_specificReader_returnsEqualSpecificRecord() {
        OrderCreated order = Orders.created("o-1");

        assertThat(read(write(order), "specific.avro.reader", true)).isEqualTo(order);
    }

    @Test
    void deserialize_genericReader_returnsGenericRecordWithWriterSchema() {
        Object value = read(write(Orders.created("o-1")));

        assertThat(value).isInstanceOf(GenericData.Record.class);
        GenericRecord record = (GenericRecord) value;
        assertThat(record.getSchema().getFullName()).isEqualTo("dev.eventcontracts.orders.OrderCreated");
        assertThat(record.get("orderId")).hasToString("o-1");
        assertThat(((GenericRecord) record.get("total")).get("amount")).isInstanceOf(ByteBuffer.class);
    }

    @Test
    void deserialize_genericWithLogicalTypeConverters_returnsBigDecimal() {
        Object value = read(write(Orders.created("o-1")), "avro.use.logical.type.converters", true);

        GenericRecord total = (GenericRecord) ((GenericRecord) value).get("total");
        assertThat(total.get("amount")).isEqualTo(new BigDecimal("45.10"));
    }

    static List<Object> primitives() {
        return List.of("order-12345", 7, -3L, 1.5f, 2.25d, true, false);
    }

    @ParameterizedTest
    @MethodSource("primitives")
    void deserialize_primitive_returnsTheValue(Object value) {
        assertThat(read(write(value))).isEqualTo(value);
    }

    @Test
    void deserialize_genericFixed_returnsFixedWithItsBytes() {
        Schema md5 = Schema.createFixed("Md5", null, "test", 4);
        GenericData.Fixed fixed = new GenericData.Fixed(md5, new byte[] {1, 2, 3, 4});

        byte[] bytes = write(fixed);

        assertThat(bytes).hasSize(5 + 4);
        assertThat(read(bytes)).isEqualTo(fixed);
    }

    @Test
    void deserialize_bytes_returnsRawByteArray() {
        assertThat(read(write(new byte[] {1, 2, 3}))).isEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void deserialize_null_returnsNullWithoutRegistryCall() {
        assertThat(read(null)).isNull();
        assertThat(registry.calls()).isZero();
    }

    @Test
    void deserialize_v1DataIntoV2Class_fillsDefaults() {
        Object value = read(write(Orders.createdV1("o-1")), "specific.avro.reader", true);

        assertThat(value).isInstanceOf(OrderCreated.class);
        OrderCreated order = (OrderCreated) value;
        assertThat(order.getOrderId()).isEqualTo("o-1");
        assertThat(order.getTotal().getAmount()).isEqualTo(new BigDecimal("45.10"));
        assertThat(order.getShippingAddress()).isNull();
    }

    @Test
    void deserialize_v2DataWithV1ReaderSchema_dropsNewField() {
        Schema v1 = Orders.released(1, "OrderCreated");
        AvroDeserializer v1Reader = new AvroDeserializer(registry, v1);
        v1Reader.configure(config(), false);

        GenericRecord order = (GenericRecord) v1Reader.deserialize("order-events", write(Orders.created("o-1")));

        assertThat(order.getSchema()).isEqualTo(v1);
        assertThat(order.getSchema().getField("shippingAddress")).isNull();
        assertThat(order.get("customerId")).hasToString("cust-42");
    }

    @Test
    void deserialize_unionWithSpecificReader_readsEachBranchIntoItsClass() {
        registry.register("order-events-value", AvroSchema.of(Orders.currentUnion()), false);
        Object[] config = {"use.latest.version", true, "auto.register.schemas", false};

        assertThat(read(write(Orders.created("o-1"), config), "specific.avro.reader", true))
                .isEqualTo(Orders.created("o-1"));
        assertThat(read(write(Orders.statusChanged("o-1"), config), "specific.avro.reader", true))
                .isInstanceOf(OrderStatusChanged.class)
                .isEqualTo(Orders.statusChanged("o-1"));
        assertThat(read(write(Orders.cancelled("o-1"), config), "specific.avro.reader", true))
                .isInstanceOf(OrderCancelled.class);
    }

    @Test
    void deserialize_unionWrittenWithV1Branch_readsIntoCurrentClass() {
        Schema v1Union = Schema.createUnion(Orders.released(1, "OrderCreated"), Orders.released(1, "OrderCancelled"));
        registry.register("order-events-value", AvroSchema.of(v1Union), false);

        Object value = read(
                write(Orders.createdV1("o-1"), "use.latest.version", true, "auto.register.schemas", false),
                "specific.avro.reader",
                true);

        assertThat(value).isInstanceOf(OrderCreated.class);
        assertThat(((OrderCreated) value).getShippingAddress()).isNull();
    }

    @Test
    void deserialize_specificValueType_readsIntoConfiguredClass() {
        Object value = read(
                write(Orders.created("o-1")),
                "specific.avro.reader",
                true,
                "specific.avro.value.type",
                OrderCreated.class);

        assertThat(value).isEqualTo(Orders.created("o-1"));
    }

    @Test
    void deserialize_sameIdAgain_fetchesWriterSchemaOnce() {
        byte[] first = write(Orders.created("o-1"));
        byte[] second = write(Orders.created("o-2"));
        AvroDeserializer deserializer = new AvroDeserializer(registry, config(), false);
        int before = registry.calls();

        deserializer.deserialize("order-events", first);
        deserializer.deserialize("order-events", first);
        deserializer.deserialize("order-events", second);

        assertThat(registry.calls() - before).isEqualTo(1);
    }

    @Test
    void deserialize_byteBufferSlice_readsInPlaceAndKeepsPosition() {
        OrderCreated order = Orders.created("o-1");
        byte[] bytes = write(order);
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        ByteBuffer slice = ByteBuffer.wrap(padded, 3, bytes.length);
        AvroDeserializer deserializer = new AvroDeserializer(registry, config("specific.avro.reader", true), false);

        assertThat(deserializer.deserialize("order-events", null, slice)).isEqualTo(order);
        assertThat(deserializer.deserialize("order-events", null, slice.slice().asReadOnlyBuffer()))
                .isEqualTo(order);
        assertThat(slice.position()).isEqualTo(3);
    }

    @Test
    void deserialize_byteBufferWithWrongMagicByte_fails() {
        AvroDeserializer deserializer = new AvroDeserializer(registry, config(), false);

        assertThatThrownBy(() -> deserializer.deserialize(
                        "order-events", null, ByteBuffer.wrap(new byte[] {7, 0, 0, 0, 1, 2}, 0, 6)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("got 0x07 in a payload of 6 bytes");
    }

    @Test
    void deserialize_unknownMagicByte_failsNamingTopicAndSubject() {
        assertThatThrownBy(() -> read(new byte[] {1, 0, 0, 0, 1, 2}))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte: expected 0x00 followed by a 4-byte schema id, got 0x01")
                .hasMessageContaining("topic 'order-events', subject 'order-events-value', schema id (not known)");
    }

    @Test
    void deserialize_payloadShorterThanHeader_failsAsUnknownMagicByte() {
        assertThatThrownBy(() -> read(new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte");
    }

    @Test
    void deserialize_unknownSchemaId_failsNamingTopicSubjectAndId() {
        assertThatThrownBy(() -> read(wire(4242, new byte[] {2})))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id: the registry has no schema with id 4242")
                .hasMessageContaining("topic 'order-events', subject 'order-events-value', schema id 4242")
                .hasCauseInstanceOf(RegistryException.class);
    }

    @Test
    void deserialize_registryUnreachable_failsNamingId() {
        byte[] bytes = write(Orders.created("o-1"));
        registry.failWith(new RegistryException(0, 0, "connect timed out", null));

        assertThatThrownBy(() -> read(bytes))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema registry unreachable after retries while fetching the writer schema")
                .hasMessageContaining("schema id 1");
    }

    @Test
    void deserialize_registryAnswers401_failsWithAuthenticationError() {
        byte[] bytes = write(Orders.created("o-1"));
        registry.failWith(new RegistryException(401, 401, "Unauthorized", null));

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(SchemaRegistryAuthenticationException.class)
                .hasMessageContaining("authentication failed (HTTP 401)")
                .hasMessageContaining("schema id 1");
    }

    @Test
    void deserialize_specificReaderWithoutGeneratedClass_failsNamingTheType() {
        Schema schema = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"Unknown\",\"namespace\":\"nowhere\",\"fields\":[]}");

        assertThatThrownBy(() -> read(write(new GenericData.Record(schema)), "specific.avro.reader", true))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Could not find class nowhere.Unknown")
                .hasMessageContaining("schema id 1");
    }

    @Test
    void deserialize_truncatedBody_failsNamingId() {
        byte[] bytes = write(Orders.created("o-1"));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 12);

        assertThatThrownBy(() -> read(truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Error deserializing Avro value")
                .hasMessageContaining("schema id 1");
    }

    @Test
    void deserialize_recordWithAddress_keepsNestedRecord() {
        OrderCreated order = Orders.created("o-1");

        OrderCreated read = (OrderCreated) read(write(order), "specific.avro.reader", true);

        assertThat(read.getShippingAddress()).isInstanceOf(Address.class).isEqualTo(order.getShippingAddress());
    }
}
