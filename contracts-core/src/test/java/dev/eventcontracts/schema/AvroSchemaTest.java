package dev.eventcontracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AvroSchemaTest {

    private static final ConfluentFixture FIXTURE = ConfluentFixture.load();

    static Stream<Integer> fixtureIds() {
        return FIXTURE.schemaIds().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtureIds")
    void canonicalString_ofStoredSchema_equalsTextConfluentStored(int id) {
        JsonNode entry = FIXTURE.schemaById(id);

        AvroSchema schema = FIXTURE.parse(entry);

        assertThat(schema.canonicalString()).isEqualTo(entry.path("schema").asText());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "register Money",
                "register OrderCreated v1 with reference",
                "register OrderCreated v2",
                "register union value subject",
                "register enum",
                "register Simple v2"
            })
    void canonicalString_ofRegisteredText_equalsTextConfluentAnswered(String step) {
        JsonNode s = FIXTURE.step(step);

        AvroSchema schema = FIXTURE.parse(
                s.path("body").path("schema").asText(), s.path("body").path("references"));

        assertThat(schema.canonicalString())
                .isEqualTo(s.path("response").path("schema").asText());
    }

    @ParameterizedTest
    @MethodSource("fixtureIds")
    void guid_ofStoredSchema_equalsGuidConfluentAnswered(int id) {
        JsonNode entry = FIXTURE.schemaById(id);

        assertThat(FIXTURE.parse(entry).guid()).isEqualTo(entry.path("guid").asText());
    }

    @Test
    void fingerprint_isTheGuidsHexDigits() {
        AvroSchema money = FIXTURE.parse(FIXTURE.schemaById(1));

        assertThat(money.fingerprint()).isEqualTo("3da1815713d7cc8cef32f693caed15fb");
    }

    @Test
    void equalsAndGuid_sameTextOtherReferenceVersion_differ() {
        JsonNode v1 = FIXTURE.schemaById(2);
        AvroSchema withV1 = FIXTURE.parse(v1);
        AvroSchema withV2 = AvroSchema.parse(
                v1.path("schema").asText(),
                List.of(new SchemaReference("fixture.orders.Money", "fixture.orders.Money", 2)),
                withV1.resolvedReferences());

        assertThat(withV2.canonicalString()).isEqualTo(withV1.canonicalString());
        assertThat(withV2).isNotEqualTo(withV1);
        assertThat(withV2.guid()).isNotEqualTo(withV1.guid());
    }

    @Test
    void equals_sameSchemaWrittenDifferently_isEqualWithSameHash() {
        AvroSchema compact =
                AvroSchema.parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        AvroSchema spaced = AvroSchema.parse(
                "{ \"name\" : \"A\", \"type\" : \"record\", \"fields\" : [ { \"type\" : \"int\", \"name\" : \"x\" } ] }");

        assertThat(spaced).isEqualTo(compact).hasSameHashCodeAs(compact);
    }

    @Test
    void parse_transitiveReferencesInAnyOrder_resolvesThem() {
        AvroSchema union = FIXTURE.parse(FIXTURE.schemaById(5));
        List<String> names = new ArrayList<>(union.resolvedReferences().keySet());
        Collections.reverse(names);
        Map<String, String> reversed = new LinkedHashMap<>();
        names.forEach(name -> reversed.put(name, union.resolvedReferences().get(name)));

        AvroSchema parsed = AvroSchema.parse(union.canonicalString(), union.references(), reversed);

        assertThat(reversed.keySet()).first().isNotEqualTo("fixture.orders.Money");
        assertThat(parsed.canonicalString())
                .isEqualTo("[\"fixture.orders.OrderCreated\",\"fixture.orders.OrderCancelled\"]");
        assertThat(parsed.rawSchema()
                        .getTypes()
                        .get(0)
                        .getField("total")
                        .schema()
                        .getFullName())
                .isEqualTo("fixture.orders.Money");
    }

    @Test
    void parse_referencedTypeMissing_failsNamingIt() {
        String text = FIXTURE.schemaById(2).path("schema").asText();

        assertThatThrownBy(() -> AvroSchema.parse(text))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("Money");
    }

    @Test
    void parse_defaultOfWrongType_failsNamingField() {
        String text =
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"count\",\"type\":\"int\",\"default\":\"x\"}]}";

        assertThatThrownBy(() -> AvroSchema.parse(text))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("count");
    }

    @Test
    void parse_invalidName_fails() {
        String text = "{\"type\":\"record\",\"name\":\"my-record\",\"fields\":[]}";

        assertThatThrownBy(() -> AvroSchema.parse(text)).isInstanceOf(InvalidSchemaException.class);
    }

    @Test
    void of_generatedClassSchemaWithJavaStringProperty_equalsSchemaOfItsAvsc() {
        String avsc = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"x\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null},"
                + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}},"
                + "{\"name\":\"attrs\",\"type\":{\"type\":\"map\",\"values\":\"string\"}},"
                + "{\"name\":\"line\",\"type\":{\"type\":\"record\",\"name\":\"Line\",\"fields\":["
                + "{\"name\":\"sku\",\"type\":\"string\",\"default\":\"avro.java.string\"}]}}]}";
        // what avro-maven-plugin writes into SCHEMA$ with stringType=String
        String generated = avsc.replace("\"string\"", "{\"type\":\"string\",\"avro.java.string\":\"String\"}")
                .replace("\"values\":{", "\"avro.java.string\":\"String\",\"values\":{");
        Schema schemaDollar = new Schema.Parser().parse(generated);

        AvroSchema fromClass = AvroSchema.of(schemaDollar);

        assertThat(schemaDollar.toString()).contains("avro.java.string\":\"String");
        assertThat(fromClass).isEqualTo(AvroSchema.parse(avsc));
        assertThat(fromClass.guid()).isEqualTo(AvroSchema.parse(avsc).guid());
    }

    @Test
    void parse_textWithJavaStringProperty_keepsItAsConfluentStoresIt() {
        String text = "{\"type\":\"string\",\"avro.java.string\":\"String\"}";

        assertThat(AvroSchema.parse(text).canonicalString()).isEqualTo(text);
    }

    @Test
    void name_namedAndUnnamedTypes_givesFullNameOrTypeName() {
        assertThat(FIXTURE.parse(FIXTURE.schemaById(1)).name()).isEqualTo("fixture.orders.Money");
        assertThat(FIXTURE.parse(FIXTURE.schemaById(5)).name()).isEqualTo("union");
    }
}
