package dev.eventcontracts.serde;

import static dev.eventcontracts.serde.Orders.avroBinary;
import static dev.eventcontracts.serde.Orders.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.schema.AvroSchema;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerializerTest {

    private final CountingRegistry registry = new CountingRegistry();

    private AvroSerializer serializer(boolean isKey, Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", "http://registry.test:8081");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new AvroSerializer(registry, config, isKey);
    }

    private int registered(String subject, Schema schema) {
        return registry.register(subject, AvroSchema.of(schema), false);
    }

    @Test
    void serialize_specificRecord_writesMagicByteIdAndAvroBinary() {
        OrderCreated order = Orders.created("o-1");

        byte[] bytes = serializer(false).serialize("order-events", order);

        int id = registry.idOf("order-events-value", AvroSchema.of(OrderCreated.getClassSchema()), false);
        assertThat(bytes).isEqualTo(wire(id, avroBinary(OrderCreated.getClassSchema(), order)));
    }

    @Test
    void serialize_genericRecord_writesMagicByteIdAndAvroBinary() {
        GenericRecord order = Orders.createdV1("o-1");

        byte[] bytes = serializer(false).serialize("order-events", order);

        int id = registry.idOf("order-events-value", AvroSchema.of(order.getSchema()), false);
        assertThat(bytes).isEqualTo(wire(id, avroBinary(order.getSchema(), order)));
    }

    @Test
    void serialize_genericEnum_writesSymbolIndex() {
        Schema schema = Orders.released(1, "OrderStatus");
        GenericData.EnumSymbol paid = new GenericData.EnumSymbol(schema, "PAID");

        byte[] bytes = serializer(false).serialize("statuses", paid);

        assertThat(bytes).isEqualTo(wire(registered("statuses-value", schema), avroBinary(schema, paid)));
    }

    static List<Object[]> primitives() {
        return List.of(
                new Object[] {"order-12345", Schema.Type.STRING},
                new Object[] {7, Schema.Type.INT},
                new Object[] {-3L, Schema.Type.LONG},
                new Object[] {1.5f, Schema.Type.FLOAT},
                new Object[] {2.25d, Schema.Type.DOUBLE},
                new Object[] {true, Schema.Type.BOOLEAN});
    }

    @ParameterizedTest
    @MethodSource("primitives")
    void serialize_primitive_writesAvroEncodingUnderPrimitiveSchema(Object value, Schema.Type type) {
        Schema schema = Schema.create(type);

        byte[] bytes = serializer(true).serialize("order-events", value);

        assertThat(bytes).isEqualTo(wire(registered("order-events-key", schema), avroBinary(schema, value)));
    }

    @Test
    void serialize_byteArray_writesBytesRawWithoutLengthPrefix() {
        byte[] bytes = serializer(false).serialize("blobs", new byte[] {1, 2, 3});

        int id = registered("blobs-value", Schema.create(Schema.Type.BYTES));
        assertThat(bytes).isEqualTo(wire(id, new byte[] {1, 2, 3}));
    }

    @Test
    void serialize_byteBuffer_writesRemainingBytesRawAndKeepsPosition() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 1, 2, 3});
        buffer.get();

        byte[] bytes = serializer(false).serialize("blobs", buffer);

        int id = registered("blobs-value", Schema.create(Schema.Type.BYTES));
        assertThat(bytes).isEqualTo(wire(id, new byte[] {1, 2, 3}));
        assertThat(buffer.position()).isEqualTo(1);
    }

    @Test
    void serialize_null_returnsNullWithoutRegistryCall() {
        assertThat(serializer(false).serialize("order-events", null)).isNull();
        assertThat(registry.calls()).isZero();
    }

    @Test
    void serialize_useLatestVersionWithUnion_writesUnionIdAndBranchIndex() {
        int unionId = registered("order-events-value", Orders.currentUnion());
        AvroSerializer serializer = serializer(false, "use.latest.version", true, "auto.register.schemas", false);
        OrderCancelled cancelled = Orders.cancelled("o-1");

        byte[] bytes = serializer.serialize("order-events", cancelled);

        assertThat(bytes).isEqualTo(wire(unionId, avroBinary(Orders.currentUnion(), cancelled)));
        assertThat(bytes[5]).as("union branch index 2, zig-zag encoded").isEqualTo((byte) 4);
    }

    @Test
    void serialize_useLatestVersionRecordNotInUnion_failsNamingTopicSubjectAndId() {
        int unionId = registered(
                "order-events-value",
                Schema.createUnion(OrderCreated.getClassSchema(), Orders.released(1, "OrderStatusChanged")));
        AvroSerializer serializer = serializer(false, "use.latest.version", true, "auto.register.schemas", false);

        assertThatThrownBy(() -> serializer.serialize("order-events", Orders.cancelled("o-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("dev.eventcontracts.orders.OrderCancelled cannot be written with the latest")
                .hasMessageContaining("latest.compatibility.strict=false")
                .hasMessageContaining("topic 'order-events', subject 'order-events-value', schema id " + unionId);
    }

    @Test
    void serialize_useLatestVersionNotStrict_skipsCheckAndFailsWhileWriting() {
        registered("order-events-value", OrderCreated.getClassSchema());
        AvroSerializer serializer = serializer(
                false,
                "use.latest.version",
                true,
                "auto.register.schemas",
                false,
                "latest.compatibility.strict",
                false);

        assertThatThrownBy(() -> serializer.serialize("order-events", Orders.cancelled("o-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Error serializing Avro value")
                .hasMessageContaining("subject 'order-events-value'");
    }

    @Test
    void serialize_sameSchemaAgain_makesNoRegistryCall() {
        AvroSerializer serializer = serializer(false);
        serializer.serialize("order-events", Orders.created("o-1"));
        int calls = registry.calls();

        serializer.serialize("order-events", Orders.created("o-2"));

        assertThat(registry.calls()).isEqualTo(calls).isEqualTo(1);
    }

    @Test
    void serialize_equalSchemaInAnotherInstance_makesNoRegistryCall() {
        AvroSerializer serializer = serializer(false);
        serializer.serialize("order-events", Orders.createdV1("o-1"));

        GenericRecord other = Orders.createdV1("o-2");
        assertThat(other.getSchema()).isNotSameAs(Orders.createdV1("o-3").getSchema());
        serializer.serialize("order-events", other);

        assertThat(registry.calls()).isEqualTo(1);
    }

    @Test
    void serialize_alternatingTopicsOnOneThread_writesEachTopicsLatestId() {
        int onlyCreated = registered("created-only-value", Schema.createUnion(OrderCreated.getClassSchema()));
        int union = registered("order-events-value", Orders.currentUnion());
        AvroSerializer serializer = serializer(false, "use.latest.version", true, "auto.register.schemas", false);
        OrderCreated order = Orders.created("o-1");

        byte[] first = serializer.serialize("created-only", order);
        byte[] second = serializer.serialize("order-events", order);
        byte[] third = serializer.serialize("created-only", order);

        assertThat(first).startsWith(wire(onlyCreated, new byte[0]));
        assertThat(second).startsWith(wire(union, new byte[0]));
        assertThat(third).isEqualTo(first);
    }

    @Test
    void serialize_sameSchemaObjectAsSpecificAndGeneric_writesBothAndAsksTheRegistryOnce() {
        AvroSerializer serializer = serializer(false);
        OrderCreated order = Orders.created("o-1");
        GenericRecord generic = new GenericData.Record(OrderCreated.getClassSchema());
        for (Schema.Field field : OrderCreated.getClassSchema().getFields()) {
            generic.put(field.pos(), order.get(field.pos()));
        }
        byte[] expected = serializer.serialize("order-events", order);

        for (int i = 0; i < 3; i++) {
            assertThat(serializer.serialize("order-events", generic)).isEqualTo(expected);
            assertThat(serializer.serialize("order-events", order)).isEqualTo(expected);
        }
        assertThat(registry.calls()).isEqualTo(1);
    }

    @Test
    void serialize_autoRegisterFalse_looksUpExistingId() {
        int id = registered("order-events-value", OrderCreated.getClassSchema());

        byte[] bytes =
                serializer(false, "auto.register.schemas", false).serialize("order-events", Orders.created("o-1"));

        assertThat(bytes).startsWith(wire(id, new byte[0]));
    }

    @Test
    void serialize_autoRegisterFalseAndSchemaUnknown_failsSayingNotRegistered() {
        registered("order-events-value", OrderCancelled.getClassSchema());
        AvroSerializer serializer = serializer(false, "auto.register.schemas", false);

        assertThatThrownBy(() -> serializer.serialize("order-events", Orders.created("o-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema not registered under the subject and auto.register.schemas=false")
                .hasMessageContaining("topic 'order-events', subject 'order-events-value', schema id (not known)");
    }

    @Test
    void serialize_useSchemaId_writesThatId() {
        int id = registered("other", OrderCreated.getClassSchema());
        AvroSerializer serializer = serializer(false, "auto.register.schemas", false, "use.schema.id", id);

        assertThat(serializer.serialize("order-events", Orders.created("o-1"))).startsWith(wire(id, new byte[0]));
    }

    @Test
    void serialize_useSchemaIdThatCannotReadTheRecord_failsNamingTheCheck() {
        int id = registered("other", OrderCancelled.getClassSchema());
        AvroSerializer serializer = serializer(false, "auto.register.schemas", false, "use.schema.id", id);

        assertThatThrownBy(() -> serializer.serialize("order-events", Orders.created("o-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot be written with use.schema.id")
                .hasMessageContaining("id.compatibility.strict=false")
                .hasMessageContaining("schema id " + id);
    }

    @Test
    void serialize_latestCacheTtlZero_picksUpANewLatestVersion() {
        int first = registered("order-events-value", Schema.createUnion(OrderCreated.getClassSchema()));
        AvroSerializer serializer = serializer(
                false, "use.latest.version", true, "auto.register.schemas", false, "latest.cache.ttl.sec", 0L);
        assertThat(serializer.serialize("order-events", Orders.created("o-1"))).startsWith(wire(first, new byte[0]));

        int second = registered("order-events-value", Orders.currentUnion());

        assertThat(serializer.serialize("order-events", Orders.created("o-1"))).startsWith(wire(second, new byte[0]));
    }

    @Test
    void serialize_latestCachedForever_keepsTheFirstLatestVersion() {
        int first = registered("order-events-value", Schema.createUnion(OrderCreated.getClassSchema()));
        AvroSerializer serializer = serializer(false, "use.latest.version", true, "auto.register.schemas", false);
        serializer.serialize("order-events", Orders.created("o-1"));
        registered("order-events-value", Orders.currentUnion());
        int calls = registry.calls();

        assertThat(serializer.serialize("order-events", Orders.created("o-1"))).startsWith(wire(first, new byte[0]));
        assertThat(registry.calls()).isEqualTo(calls);
    }

    @Test
    void serialize_recordNameStrategy_registersUnderRecordName() {
        byte[] bytes = serializer(
                        false,
                        "value.subject.name.strategy",
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy")
                .serialize("t", Orders.created("o-1"));

        int id = registry.latest("dev.eventcontracts.orders.OrderCreated").id();
        assertThat(bytes).startsWith(wire(id, new byte[0]));
    }

    @Test
    void serialize_registryUnreachable_failsNamingTopicSubject() {
        registry.failWith(new RegistryException(0, 0, "Connection refused: registry.test:8081 (3 attempts)", null));

        assertThatThrownBy(() -> serializer(false).serialize("order-events", Orders.created("o-1")))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema registry unreachable after retries while registering the schema")
                .hasMessageContaining("topic 'order-events', subject 'order-events-value'")
                .hasMessageContaining("Connection refused")
                .hasCauseInstanceOf(RegistryException.class);
    }

    @Test
    void serialize_registryAnswers401_failsWithAuthenticationError() {
        registry.failWith(new RegistryException(401, 401, "Unauthorized", null));

        assertThatThrownBy(() -> serializer(false).serialize("order-events", Orders.created("o-1")))
                .isInstanceOf(SchemaRegistryAuthenticationException.class)
                .hasMessageContaining("Schema registry authentication failed (HTTP 401)")
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageContaining("subject 'order-events-value'");
    }

    @Test
    void serialize_registryAnswers403_failsWithAuthorizationError() {
        registry.failWith(new RegistryException(403, 40301, "User is denied operation Write", null));

        assertThatThrownBy(() -> serializer(false).serialize("order-events", Orders.created("o-1")))
                .isInstanceOf(SchemaRegistryAuthorizationException.class)
                .hasMessageContaining("Schema registry authorization failed (HTTP 403)")
                .hasMessageContaining("User is denied operation Write");
    }

    @Test
    void serialize_unsupportedType_failsNamingTypeAndTopic() {
        assertThatThrownBy(() -> serializer(false).serialize("order-events", new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unsupported type java.lang.Object")
                .hasMessageContaining("topic 'order-events'");
    }

    @Test
    void serialize_tooManySchemasForSubject_fails() {
        AvroSerializer serializer = serializer(false, "max.schemas.per.subject", 1);
        serializer.serialize("order-events", Orders.created("o-1"));

        assertThatThrownBy(() -> serializer.serialize("order-events", Orders.cancelled("o-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("more than 1 (max.schemas.per.subject)");
    }

    @Test
    void serialize_fromSeveralThreads_writesSameBytes() throws Exception {
        AvroSerializer serializer = serializer(false);
        OrderCreated order = Orders.created("o-1");
        byte[] expected = serializer.serialize("order-events", order);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(java.util.Collections.nCopies(8, () -> {
                for (int i = 0; i < 2_000; i++) {
                    if (!java.util.Arrays.equals(expected, serializer.serialize("order-events", order))) {
                        return false;
                    }
                }
                return true;
            }));
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
