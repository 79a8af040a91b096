package dev.eventcontracts.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.schema.SchemaReference;
import dev.eventcontracts.server.internal.store.ConfluentFixture.FixtureRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordCodecTest {

    private final RecordCodec codec = new RecordCodec();

    static Stream<FixtureRecord> confluentRecords() {
        return ConfluentFixture.schemasTopic().stream();
    }

    @ParameterizedTest(name = "offset {0}")
    @MethodSource("confluentRecords")
    void reencode_everyConfluentRecord_givesIdenticalKeyAndValueBytes(FixtureRecord record) {
        RegistryKey key = codec.decodeKey(record.key());
        RegistryValue value = codec.decodeValue(key, record.value());

        assertThat(utf8(codec.encodeKey(key))).isEqualTo(utf8(record.key()));
        assertThat(codec.encodeValue(value) == null ? null : utf8(codec.encodeValue(value)))
                .isEqualTo(record.value() == null ? null : utf8(record.value()));
    }

    @Test
    void decode_confluentFixture_readsEveryKeyTypeItHolds() {
        List<FixtureRecord> records = ConfluentFixture.schemasTopic();

        List<RegistryKey> keys =
                records.stream().map(r -> codec.decodeKey(r.key())).toList();

        assertThat(keys)
                .hasSize(24)
                .contains(
                        new NoopKey(),
                        ConfigKey.global(),
                        new ConfigKey("order-events-value"),
                        new SchemaKey("fixture.orders.Money", 1),
                        new DeleteSubjectKey("temp-value"),
                        new ModeKey("status-copy-value"));
    }

    @Test
    void decode_schemaWithReferences_readsEveryField() {
        FixtureRecord orderCreated = ConfluentFixture.schemasTopic().get(4);
        RegistryKey key = codec.decodeKey(orderCreated.key());

        SchemaValue value = (SchemaValue) codec.decodeValue(key, orderCreated.value());

        assertThat(key).isEqualTo(new SchemaKey("fixture.orders.OrderCreated", 1));
        assertThat(value.subject()).isEqualTo("fixture.orders.OrderCreated");
        assertThat(value.version()).isEqualTo(1);
        assertThat(value.id()).isEqualTo(2);
        assertThat(value.schemaType()).isEqualTo("AVRO");
        assertThat(value.references())
                .containsExactly(new SchemaReference("fixture.orders.Money", "fixture.orders.Money", 1));
        assertThat(value.schema()).startsWith("{\"type\":\"record\",\"name\":\"OrderCreated\"");
        assertThat(value.deleted()).isFalse();
        assertThat(value.extras().isEmpty()).isTrue();
    }

    @Test
    void decode_softDeletedVersion_isDeleted() {
        FixtureRecord softDelete = ConfluentFixture.schemasTopic().get(13);

        SchemaValue value = (SchemaValue) codec.decodeValue(codec.decodeKey(softDelete.key()), softDelete.value());

        assertThat(value.deleted()).isTrue();
        assertThat(value.id()).isEqualTo(7);
    }

    @Test
    void decode_globalAndSubjectConfig_distinguishesSubject() {
        List<FixtureRecord> records = ConfluentFixture.schemasTopic();

        RegistryValue global =
                codec.decodeValue(ConfigKey.global(), records.get(2).value());
        RegistryValue subject = codec.decodeValue(
                new ConfigKey("order-events-value"), records.get(8).value());

        assertThat(global).isEqualTo(new ConfigValue(null, "BACKWARD_TRANSITIVE"));
        assertThat(subject).isEqualTo(new ConfigValue("order-events-value", "FULL_TRANSITIVE"));
    }

    @Test
    void decode_tombstone_isNull() {
        assertThat(codec.decodeValue(new SchemaKey("gone-value", 1), null)).isNull();
    }

    @Test
    void encodeKey_eachKeyType_writesConfluentsJson() {
        assertThat(utf8(codec.encodeKey(new SchemaKey("s", 3))))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":3,\"magic\":1}");
        assertThat(utf8(codec.encodeKey(new ConfigKey("s"))))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
        assertThat(utf8(codec.encodeKey(ConfigKey.global()))).isEqualTo("{\"keytype\":\"CONFIG\",\"magic\":0}");
        assertThat(utf8(codec.encodeKey(new ModeKey("s"))))
                .isEqualTo("{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}");
        assertThat(utf8(codec.encodeKey(ModeKey.global()))).isEqualTo("{\"keytype\":\"MODE\",\"magic\":0}");
        assertThat(utf8(codec.encodeKey(new DeleteSubjectKey("s"))))
                .isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}");
        assertThat(utf8(codec.encodeKey(new ClearSubjectKey("s"))))
                .isEqualTo("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"s\",\"magic\":0}");
        assertThat(utf8(codec.encodeKey(new NoopKey()))).isEqualTo("{\"keytype\":\"NOOP\",\"magic\":0}");
    }

    @Test
    void encodeValue_newValues_writeConfluentsFieldsAndOrder() {
        assertThat(utf8(codec.encodeValue(new ModeValue(null, "IMPORT")))).isEqualTo("{\"mode\":\"IMPORT\"}");
        assertThat(utf8(codec.encodeValue(new ClearSubjectValue("s")))).isEqualTo("{\"subject\":\"s\"}");
        assertThat(utf8(codec.encodeValue(new DeleteSubjectValue("s", 4))))
                .isEqualTo("{\"subject\":\"s\",\"version\":4}");
        assertThat(utf8(codec.encodeValue(new SchemaValue("s", 1, 7, "AVRO", List.of(), "\"int\"", false))))
                .isEqualTo(
                        "{\"subject\":\"s\",\"version\":1,\"id\":7,\"schemaType\":\"AVRO\",\"schema\":\"\\\"int\\\"\","
                                + "\"deleted\":false}");
    }

    @Test
    void encodeValue_nonAsciiAndControlCharacters_escapedLikeJackson() {
        SchemaValue value = new SchemaValue("s-é", 1, 1, "AVRO", List.of(), "{\"doc\":\"über\\n\tx\"}", false);

        byte[] bytes = codec.encodeValue(value);

        assertThat(utf8(bytes)).contains("\"subject\":\"s-é\"").contains("über\\\\n\\tx");
        assertThat(codec.decodeValue(new SchemaKey("s-é", 1), bytes)).isEqualTo(value);
    }

    @Test
    void reencode_unknownConfluentFields_keptInConfluentsPlaces() throws Exception {
        String json = "{\"subject\":\"s\",\"version\":2,\"id\":9,\"md5\":\"q83vEjRWeJA=\",\"schemaType\":\"AVRO\","
                + "\"references\":[{\"name\":\"a.B\",\"subject\":\"b\",\"version\":1}],"
                + "\"metadata\":{\"properties\":{\"owner\":\"team\"}},\"ruleSet\":{\"domainRules\":[]},"
                + "\"schema\":\"\\\"int\\\"\",\"deleted\":false,\"ts\":1795794358068,\"schemaTags\":[{\"tags\":[\"PII\"]}]}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        SchemaValue value = (SchemaValue) codec.decodeValue(new SchemaKey("s", 2), bytes);

        assertThat(value.extras().fieldNames())
                .toIterable()
                .containsExactly("md5", "metadata", "ruleSet", "ts", "schemaTags");
        assertThat(utf8(codec.encodeValue(value))).isEqualTo(json);
    }

    @Test
    void reencode_configWithConfluentOnlyFields_keepsThem() {
        String json = "{\"subject\":\"s\",\"alias\":\"t\",\"normalize\":true,\"compatibilityLevel\":\"FULL\","
                + "\"compatibilityGroup\":\"app\",\"defaultMetadata\":{\"properties\":{\"a\":\"b\"}}}";

        RegistryValue value = codec.decodeValue(new ConfigKey("s"), json.getBytes(StandardCharsets.UTF_8));

        assertThat(((ConfigValue) value).compatibilityLevel()).isEqualTo("FULL");
        assertThat(utf8(codec.encodeValue(value))).isEqualTo(json);
    }

    @Test
    void extras_cannotBeChangedFromOutside() throws Exception {
        ObjectNode extras = (ObjectNode) new ObjectMapper().readTree("{\"md5\":\"x\"}");
        SchemaValue value = new SchemaValue("s", 1, 1, "AVRO", List.of(), "\"int\"", false, extras);

        extras.put("md5", "changed");
        value.extras().put("md5", "changed too");

        assertThat(value.extras().get("md5").asText()).isEqualTo("x");
    }

    @Test
    void decodeKey_unknownKeyType_failsNamingIt() {
        byte[] key = "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".x\",\"magic\":0}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decodeKey(key))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("CONTEXT");
    }

    @Test
    void decodeKey_notJson_fails() {
        assertThatThrownBy(() -> codec.decodeKey("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("not json");
    }

    @Test
    void decodeValue_schemaWithoutId_fails() {
        byte[] value = "{\"subject\":\"s\",\"version\":1,\"schema\":\"\\\"int\\\"\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decodeValue(new SchemaKey("s", 1), value))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("id");
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
