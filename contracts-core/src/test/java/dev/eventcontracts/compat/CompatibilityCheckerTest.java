package dev.eventcontracts.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.ConfluentFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private static final String SCALE_2 =
            "{\"type\":\"record\",\"name\":\"M\",\"fields\":[{\"name\":\"amount\",\"type\":"
                    + "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}}]}";
    private static final String SCALE_3 = SCALE_2.replace("\"scale\":2", "\"scale\":3");

    private static List<VersionedSchema> versions(String... schemas) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int i = 0; i < schemas.length; i++) {
            versions.add(new VersionedSchema(i + 1, AvroSchema.parse(schemas[i])));
        }
        return versions;
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}";
    }

    @Test
    void check_decimalScaleChange_isRefusedByDefaultAndAcceptedWhenRelaxed() {
        CompatibilityChecker relaxed =
                CompatibilityChecker.builder().relax(Rule.DECIMAL_SCALE_CHANGED).build();

        assertThat(CompatibilityChecker.standard()
                        .check(CompatibilityLevel.FULL, AvroSchema.parse(SCALE_3), versions(SCALE_2))
                        .isCompatible())
                .isFalse();
        assertThat(relaxed.check(CompatibilityLevel.FULL, AvroSchema.parse(SCALE_3), versions(SCALE_2))
                        .isCompatible())
                .isTrue();
        assertThat(relaxed.relaxedRules()).containsExactly(Rule.DECIMAL_SCALE_CHANGED);
    }

    @Test
    void relax_ruleDecidedByAvro_failsNamingTheRule() {
        assertThatThrownBy(() -> CompatibilityChecker.builder().relax(Rule.FIELD_TYPE_CHANGED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIELD_TYPE_CHANGED cannot be relaxed")
                .hasMessageContaining("DECIMAL_SCALE_CHANGED");
    }

    @Test
    void check_levelNone_acceptsAnything() {
        CompatibilityResult result = CompatibilityChecker.standard()
                .check(CompatibilityLevel.NONE, AvroSchema.parse("\"string\""), versions("\"int\""));

        assertThat(result.isCompatible()).isTrue();
        assertThat(result.confluentMessages()).isEmpty();
    }

    @Test
    void check_noEarlierVersion_isCompatible() {
        assertThat(CompatibilityChecker.standard()
                        .check(CompatibilityLevel.FULL_TRANSITIVE, AvroSchema.parse("\"string\""), List.of())
                        .isCompatible())
                .isTrue();
    }

    @Test
    void check_severalBrokenFieldsInSeveralVersions_reportsEveryOne() {
        String v1 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}");
        String v2 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"},"
                + "{\"name\":\"c\",\"type\":\"long\",\"default\":0}");
        String candidate = record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"boolean\"},"
                + "{\"name\":\"c\",\"type\":\"long\",\"default\":0}");

        CompatibilityResult result = CompatibilityChecker.standard()
                .check(CompatibilityLevel.FULL_TRANSITIVE, AvroSchema.parse(candidate), versions(v1, v2));

        assertThat(result.violations())
                .extracting(v -> v.oldVersion() + " " + v.direction() + " " + v.fieldPath())
                .containsExactly(
                        "1 BACKWARD R.a",
                        "1 BACKWARD R.b",
                        "1 FORWARD R.a",
                        "1 FORWARD R.b",
                        "2 BACKWARD R.a",
                        "2 BACKWARD R.b",
                        "2 FORWARD R.a",
                        "2 FORWARD R.b");
    }

    @Test
    void checkUntilFirstFailure_everyVersionBroken_reportsTheNewestVersionOnlyWithConfluentsSameMessage() {
        String v1 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}");
        String v2 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"},"
                + "{\"name\":\"c\",\"type\":\"long\",\"default\":0}");
        AvroSchema candidate = AvroSchema.parse(record("{\"name\":\"a\",\"type\":\"int\"},"
                + "{\"name\":\"b\",\"type\":\"boolean\"},{\"name\":\"c\",\"type\":\"long\",\"default\":0}"));

        CompatibilityResult fast = CompatibilityChecker.standard()
                .checkUntilFirstFailure(CompatibilityLevel.FULL_TRANSITIVE, candidate, versions(v1, v2));

        assertThat(fast.violations())
                .extracting(v -> v.oldVersion() + " " + v.direction() + " " + v.fieldPath())
                .containsExactly("2 BACKWARD R.a", "2 BACKWARD R.b", "2 FORWARD R.a", "2 FORWARD R.b");
        assertThat(fast.confluentMessages())
                .isEqualTo(CompatibilityChecker.standard()
                        .check(CompatibilityLevel.FULL_TRANSITIVE, candidate, versions(v1, v2))
                        .confluentMessages());
    }

    @Test
    void checkUntilFirstFailure_onlyAnOlderVersionBroken_keepsLookingUntilIt() {
        String v1 = record("{\"name\":\"a\",\"type\":\"int\"}");
        String v2 = record("{\"name\":\"a\",\"type\":\"long\"}");

        CompatibilityResult fast = CompatibilityChecker.standard()
                .checkUntilFirstFailure(CompatibilityLevel.FORWARD_TRANSITIVE, AvroSchema.parse(v2), versions(v1, v2));

        assertThat(fast.isCompatible()).isFalse();
        assertThat(fast.violations()).extracting(Violation::oldVersion).containsOnly(1);
        assertThat(fast.confluentMessages()).contains("{oldSchemaVersion: 1}");
    }

    @Test
    void checkUntilFirstFailure_nonTransitiveLevel_ignoresOlderVersions() {
        String v1 = record("{\"name\":\"a\",\"type\":\"int\"}");
        String v2 = record("{\"name\":\"a\",\"type\":\"long\"}");

        assertThat(CompatibilityChecker.standard()
                        .checkUntilFirstFailure(CompatibilityLevel.FORWARD, AvroSchema.parse(v2), versions(v1, v2))
                        .isCompatible())
                .isTrue();
    }

    @Test
    void check_nonTransitiveLevel_checksOnlyTheLatestVersion() {
        String v1 = record("{\"name\":\"a\",\"type\":\"string\"}");
        String v2 = record("{\"name\":\"a\",\"type\":\"int\"}");

        CompatibilityResult result = CompatibilityChecker.standard()
                .check(
                        CompatibilityLevel.BACKWARD,
                        AvroSchema.parse(record("{\"name\":\"a\",\"type\":\"long\"}")),
                        versions(v1, v2));

        assertThat(result.isCompatible()).isTrue();
    }

    @Test
    void check_changedFieldInsideUnionOfEvents_namesTheEventAndField() {
        String created =
                "{\"type\":\"record\",\"name\":\"OrderCreated\",\"fields\":[{\"name\":\"total\",\"type\":TYPE}]}";
        String cancelled =
                "{\"type\":\"record\",\"name\":\"OrderCancelled\",\"fields\":[{\"name\":\"reason\",\"type\":\"string\"}]}";
        String old = "[" + cancelled + "," + created.replace("TYPE", "\"string\"") + "]";
        String candidate = "[" + cancelled + "," + created.replace("TYPE", "\"int\"") + "]";

        CompatibilityResult result = CompatibilityChecker.standard()
                .check(CompatibilityLevel.BACKWARD, AvroSchema.parse(candidate), versions(old));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.FIELD_TYPE_CHANGED);
            assertThat(v.fieldPath()).isEqualTo("OrderCreated.total");
            assertThat(v.jsonPointer()).isEqualTo("/1/fields/0/type");
        });
        assertThat(result.confluentDetails().get(0))
                .contains("'MISSING_UNION_BRANCH'")
                .contains("path '/1'");
    }

    @Test
    void check_schemasWithReferences_comparesTheReferencedTypes() {
        ConfluentFixture fixture = ConfluentFixture.load();
        AvroSchema v1 = fixture.parse(fixture.version("fixture.orders.OrderCreated", 1));
        AvroSchema v2 = fixture.parse(fixture.version("fixture.orders.OrderCreated", 2));

        CompatibilityResult full = CompatibilityChecker.standard()
                .check(CompatibilityLevel.FULL_TRANSITIVE, v2, List.of(new VersionedSchema(1, v1)));
        CompatibilityResult back =
                CompatibilityChecker.standard().check(CompatibilityLevel.FULL, v1, List.of(new VersionedSchema(2, v2)));

        assertThat(full.isCompatible()).isTrue();
        assertThat(back.isCompatible()).isTrue();
    }

    @Test
    void check_decimalScaleInSharedType_namesEveryFieldUsingIt() {
        String money = "{\"type\":\"record\",\"name\":\"Money\",\"fields\":[{\"name\":\"amount\",\"type\":"
                + "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":SCALE}}]}";
        String order = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"total\",\"type\":MONEY},"
                + "{\"name\":\"tax\",\"type\":\"Money\"}]}";

        CompatibilityResult result = CompatibilityChecker.standard()
                .check(
                        CompatibilityLevel.BACKWARD,
                        AvroSchema.parse(order.replace("MONEY", money.replace("SCALE", "4"))),
                        versions(order.replace("MONEY", money.replace("SCALE", "2"))));

        assertThat(result.violations())
                .extracting(Violation::fieldPath)
                .containsExactly("Order.total.amount", "Order.tax.amount");
    }

    @Test
    void check_recursiveSchema_terminates() {
        String node = "{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"v\",\"type\":TYPE},"
                + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"],\"default\":null}]}";
        String oldNode = node.replace("TYPE", "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");
        String newNode = node.replace("TYPE", "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}");

        CompatibilityResult result = CompatibilityChecker.standard()
                .check(CompatibilityLevel.BACKWARD, AvroSchema.parse(newNode), versions(oldNode));

        assertThat(result.violations()).extracting(Violation::rule).containsOnly(Rule.TIMESTAMP_UNIT_CHANGED);
        assertThat(result.violations()).extracting(Violation::fieldPath).contains("Node.v");
    }
}
