package dev.eventcontracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AvroSchema#normalize()} against the rules of Confluent's {@code normalize=true}. */
class NormalizeTest {

    private static final String UNSORTED =
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"aliases\":[\"z\",\"a\"],"
                    + "\"zeta\":1,\"alpha\":{\"y\":1,\"x\":2},\"doc\":\"\",\"fields\":["
                    + "{\"name\":\"f\",\"type\":\"int\",\"doc\":\"d\",\"aliases\":[\"q\",\"b\"],\"default\":1,\"p2\":true,\"p1\":false},"
                    + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"long\"},\"default\":{\"z\":1,\"a\":2}}]}";

    @Test
    void normalize_sortsPropertiesAliasesAndDefaultKeysAndDropsEmptyDoc() {
        AvroSchema normalized = AvroSchema.parse(UNSORTED).normalize();

        assertThat(normalized.canonicalString())
                .isEqualTo(
                        "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\","
                                + "\"fields\":[{\"name\":\"f\",\"type\":\"int\",\"doc\":\"d\",\"default\":1,\"aliases\":[\"b\",\"q\"],"
                                + "\"p1\":false,\"p2\":true},{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"long\"},"
                                + "\"default\":{\"a\":2,\"z\":1}}],\"alpha\":{\"x\":2,\"y\":1},\"zeta\":1,\"aliases\":[\"a\",\"z\"]}");
    }

    @Test
    void normalize_schemasDifferingOnlyInOrderOfProperties_becomeEqual() {
        String reordered = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"aliases\":[\"a\",\"z\"],"
                + "\"alpha\":{\"x\":2,\"y\":1},\"zeta\":1,\"fields\":["
                + "{\"name\":\"f\",\"type\":\"int\",\"doc\":\"d\",\"aliases\":[\"b\",\"q\"],\"default\":1,\"p1\":false,\"p2\":true},"
                + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"long\"},\"default\":{\"a\":2,\"z\":1}}]}";

        assertThat(AvroSchema.parse(reordered)).isNotEqualTo(AvroSchema.parse(UNSORTED));
        assertThat(AvroSchema.parse(reordered).normalize())
                .isEqualTo(AvroSchema.parse(UNSORTED).normalize());
    }

    @Test
    void normalize_decimal_writesLogicalTypeAndPrecisionAndScaleFirst() {
        AvroSchema decimal = AvroSchema.parse(
                "{\"type\":\"bytes\",\"scale\":2,\"precision\":4,\"logicalType\":\"decimal\",\"foo\":1}");

        assertThat(decimal.normalize().canonicalString())
                .isEqualTo("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2,\"foo\":1}");
    }

    @Test
    void normalize_fieldOrderSymbolOrderAndFieldSortOrder_areKept() {
        String text = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"b\",\"type\":{\"type\":\"enum\","
                + "\"name\":\"E\",\"symbols\":[\"Z\",\"A\"]}},{\"name\":\"a\",\"type\":\"E\",\"order\":\"descending\"}]}";

        assertThat(AvroSchema.parse(text).normalize().canonicalString()).isEqualTo(text);
    }

    @Test
    void normalize_references_sortedBySubjectThenVersionAndDeduplicated() {
        String money =
                "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"m\",\"fields\":[{\"name\":\"a\",\"type\":\"long\"}]}";
        String tax =
                "{\"type\":\"record\",\"name\":\"Tax\",\"namespace\":\"m\",\"fields\":[{\"name\":\"r\",\"type\":\"int\"}]}";
        SchemaReference taxRef = new SchemaReference("m.Tax", "tax", 1);
        SchemaReference moneyRef = new SchemaReference("m.Money", "money", 2);
        AvroSchema schema = AvroSchema.parse(
                "{\"type\":\"record\",\"name\":\"O\",\"namespace\":\"m\",\"fields\":[{\"name\":\"t\",\"type\":\"m.Tax\"},"
                        + "{\"name\":\"p\",\"type\":\"m.Money\"}]}",
                List.of(taxRef, moneyRef, taxRef),
                Map.of("m.Money", money, "m.Tax", tax));

        AvroSchema normalized = schema.normalize();

        assertThat(normalized.references()).containsExactly(moneyRef, taxRef);
        assertThat(normalized.canonicalString())
                .isEqualTo("{\"type\":\"record\",\"name\":\"O\",\"namespace\":\"m\","
                        + "\"fields\":[{\"name\":\"t\",\"type\":\"Tax\"},{\"name\":\"p\",\"type\":\"Money\"}]}");
    }

    @Test
    void normalize_twice_givesTheSameSchema() {
        AvroSchema once = AvroSchema.parse(UNSORTED).normalize();

        assertThat(once.normalize()).isEqualTo(once);
    }
}
