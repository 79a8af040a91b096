package dev.eventcontracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventcontracts.contracts.ReleaseHistory;
import dev.eventcontracts.schema.SchemaChange.Kind;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static final Path RELEASED =
            Paths.get("").toAbsolutePath().getParent().resolve("schemas").resolve("released");
    private static final String NS = "dev.eventcontracts.orders.";

    private static Schema record(String fields) {
        return new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"E\",\"namespace\":\"t\",\"fields\":[" + fields + "]}");
    }

    private static List<SchemaChange> releasedV1ToV2(String type) {
        var versions = ReleaseHistory.read(RELEASED).subject(NS + type).versions();
        return SchemaDiff.between(
                versions.get(0).schema().rawSchema(), versions.get(1).schema().rawSchema());
    }

    @Test
    void between_orderCreatedV1AndV2_showsShippingAddressAddedWithItsDefaultAndTheNewAddressType() {
        assertThat(releasedV1ToV2("OrderCreated"))
                .extracting(SchemaChange::kind, SchemaChange::path, SchemaChange::after)
                .containsExactly(
                        tuple(
                                Kind.FIELD_ADDED,
                                NS + "OrderCreated.shippingAddress",
                                "union of null, Address; default null"),
                        tuple(Kind.TYPE_ADDED, NS + "Address", "record"));
    }

    @Test
    void between_orderStatusChangedV1AndV2_showsTheSymbolAddedToTheNestedEnum() {
        assertThat(releasedV1ToV2("OrderStatusChanged"))
                .extracting(SchemaChange::kind, SchemaChange::path)
                .containsExactly(tuple(Kind.SYMBOL_ADDED, NS + "OrderStatus.RETURNED"));
    }

    @Test
    void between_fieldTypeDefaultAndDocChanged_reportsEachFieldWithBeforeAndAfter() {
        Schema before =
                record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"},"
                        + "{\"name\":\"c\",\"type\":\"string\",\"doc\":\"old\"},{\"name\":\"gone\",\"type\":\"long\"}");
        Schema after =
                record("{\"name\":\"a\",\"type\":\"long\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"y\"},"
                        + "{\"name\":\"c\",\"type\":\"string\",\"doc\":\"new\"}");

        assertThat(SchemaDiff.between(before, after))
                .extracting(SchemaChange::describe)
                .containsExactly(
                        "field changed t.E.a: int; no default -> long; no default",
                        "field changed t.E.b: string; default \"x\" -> string; default \"y\"",
                        "field changed t.E.c: doc 'old' -> doc 'new'",
                        "field removed t.E.gone: long; no default");
    }

    @Test
    void between_logicalTypeChanged_isAFieldChangeNamingBothLogicalTypes() {
        Schema before = record("{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}");
        Schema after = record("{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}}");

        assertThat(SchemaDiff.between(before, after))
                .extracting(SchemaChange::before, SchemaChange::after)
                .containsExactly(tuple("long (timestamp-millis); no default", "long (timestamp-micros); no default"));
    }

    @Test
    void between_sameSchemaFormattedDifferently_findsNothing() {
        Schema a = record("{\"name\":\"a\",\"type\":\"int\",\"doc\":\"d\"}");
        Schema b = new Schema.Parser()
                .parse("{ \"namespace\": \"t\", \"fields\": [ { \"doc\": \"d\", \"type\": \"int\", \"name\": \"a\" } ],"
                        + " \"name\": \"E\", \"type\": \"record\" }");

        assertThat(SchemaDiff.between(a, b)).isEmpty();
    }

    @Test
    void between_noOlderVersion_listsEveryNamedTypeAsAdded() {
        Schema s = record("{\"name\":\"m\",\"type\":{\"type\":\"enum\",\"name\":\"S\",\"symbols\":[\"A\"]}}");

        assertThat(SchemaDiff.between(null, s))
                .extracting(SchemaChange::kind, SchemaChange::type)
                .containsExactly(tuple(Kind.TYPE_ADDED, "t.E"), tuple(Kind.TYPE_ADDED, "t.S"));
    }

    @Test
    void typeName_decimalAndArray_showPrecisionScaleAndElementType() {
        Schema decimal = new Schema.Parser()
                .parse("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}");

        assertThat(SchemaDiff.typeName(decimal)).isEqualTo("bytes (decimal 12,2)");
        assertThat(SchemaDiff.typeName(Schema.createArray(decimal))).isEqualTo("array of bytes (decimal 12,2)");
    }
}
