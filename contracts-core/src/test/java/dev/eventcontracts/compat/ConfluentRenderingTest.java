package dev.eventcontracts.compat;

import static dev.eventcontracts.compat.CompatibilityLevel.BACKWARD;
import static dev.eventcontracts.compat.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static dev.eventcontracts.compat.CompatibilityLevel.FORWARD;
import static dev.eventcontracts.compat.CompatibilityLevel.FULL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.ConfluentFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CompatibilityResult#confluentMessages()} against what Confluent Schema Registry writes: the recorded
 * 409 of the 8.3.1 fixture byte for byte, and the description templates of each Avro incompatibility type.
 */
class ConfluentRenderingTest {

    private static final ConfluentFixture FIXTURE = ConfluentFixture.load();

    private static CompatibilityResult check(CompatibilityLevel level, String candidate, String... previous) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int i = 0; i < previous.length; i++) {
            versions.add(new VersionedSchema(i + 1, AvroSchema.parse(previous[i])));
        }
        return CompatibilityChecker.standard().check(level, AvroSchema.parse(candidate), versions);
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}";
    }

    @Test
    void registerConflictMessage_refusedRegistrationOfFixture_equalsConfluentsByteForByte() {
        JsonNode refused = FIXTURE.step("incompatible register refused");
        // simple-value: version 1 is soft-deleted, version 2 is the only live one
        VersionedSchema live = new VersionedSchema(2, FIXTURE.parse(FIXTURE.version("simple-value", 2)));
        AvroSchema candidate =
                AvroSchema.parse(refused.path("body").path("schema").asText());

        CompatibilityResult result =
                CompatibilityChecker.standard().check(BACKWARD_TRANSITIVE, candidate, List.of(live));

        assertThat(refused.path("status").asInt()).isEqualTo(409);
        assertThat(result.registerConflictMessage("simple-value"))
                .isEqualTo(refused.path("response").path("message").asText());
    }

    @Test
    void confluentMessages_refusedRegistrationOfFixture_listsConfluentsEntries() {
        JsonNode refused = FIXTURE.step("incompatible register refused");
        VersionedSchema live = new VersionedSchema(2, FIXTURE.parse(FIXTURE.version("simple-value", 2)));

        CompatibilityResult result = CompatibilityChecker.standard()
                .check(
                        BACKWARD_TRANSITIVE,
                        AvroSchema.parse(refused.path("body").path("schema").asText()),
                        List.of(live));

        assertThat(result.confluentMessages())
                .containsExactly(
                        "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new schema "
                                + "does not match with the old schema', additionalInfo:'reader type: INT not compatible with "
                                + "writer type: STRING'}",
                        "{oldSchemaVersion: 2}",
                        "{oldSchema: '" + live.schema().canonicalString() + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}");
        assertThat(result.confluentMessages(true))
                .last()
                .isEqualTo("{validateFields: 'true', compatibility: 'BACKWARD_TRANSITIVE'}");
    }

    @Test
    void confluentMessages_fieldAddedWithoutDefault_usesConfluentsTemplate() {
        CompatibilityResult result = check(
                BACKWARD,
                record("{\"name\":\"id\",\"type\":\"int\"}," + "{\"name\":\"humidity\",\"type\":\"int\"}"),
                record("{\"name\":\"id\",\"type\":\"int\"}"));

        assertThat(result.confluentDetails())
                .first()
                .isEqualTo("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', "
                        + "description:'The field 'humidity' at path '/fields/1' in the new schema has no default value and is "
                        + "missing in the old schema', additionalInfo:'humidity'}");
    }

    @Test
    void confluentMessages_renamedRecord_usesConfluentsTemplate() {
        CompatibilityResult result = check(
                BACKWARD,
                "{\"type\":\"record\",\"name\":\"I9\",\"fields\":[]}",
                "{\"type\":\"record\",\"name\":\"I1\",\"fields\":[]}");

        assertThat(result.confluentDetails())
                .first()
                .isEqualTo("{errorType:'NAME_MISMATCH', description:'The name of "
                        + "the schema has changed (path '/name')', additionalInfo:'expected: I1'}");
    }

    @Test
    void confluentMessages_rootTypeChanged_usesConfluentsTemplate() {
        CompatibilityResult result = check(BACKWARD, "\"boolean\"", "\"int\"");

        assertThat(result.confluentMessages())
                .containsExactly(
                        "{errorType:'TYPE_MISMATCH', description:'The type "
                                + "(path '/') of a field in the new schema does not match with the old schema', additionalInfo:'reader "
                                + "type: BOOLEAN not compatible with writer type: INT'}",
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '\"int\"'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void confluentMessages_forwardChecks_nameTheOldSchemaAsReader() {
        String old = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}";
        String wider = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\",\"C\"]}";

        assertThat(check(FORWARD, wider, old).confluentDetails())
                .first()
                .isEqualTo("{errorType:'MISSING_ENUM_SYMBOLS', "
                        + "description:'The old schema is missing enum symbols '[B, C]' at path '/symbols' in the new schema', "
                        + "additionalInfo:'[B, C]'}");
    }

    @Test
    void confluentMessages_unionAndFixed_useConfluentsTemplates() {
        String union = check(FORWARD, "[\"null\",\"string\",\"int\"]", "[\"null\",\"string\"]")
                .confluentDetails()
                .get(0);
        String fixed = check(
                        BACKWARD,
                        "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}",
                        "{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}")
                .confluentDetails()
                .get(0);

        assertThat(union)
                .isEqualTo("{errorType:'MISSING_UNION_BRANCH', description:'The old schema is missing a type "
                        + "inside a union field at path '/2' in the new schema', additionalInfo:'reader union lacking writer type: "
                        + "INT'}");
        assertThat(fixed)
                .isEqualTo("{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at "
                        + "path '/size' in the new schema does not match with the old schema', additionalInfo:'expected: 4, "
                        + "found: 8'}");
    }

    @Test
    void confluentMessages_full_listsForwardFindingsFirstAndOldSchemaAfterBackwardOnes() {
        CompatibilityResult result = check(
                FULL, record("{\"name\":\"a\",\"type\":\"int\"}"), record("{\"name\":\"a\",\"type\":\"string\"}"));

        assertThat(result.confluentDetails()).hasSize(4);
        assertThat(result.confluentDetails().get(0)).contains("in the old schema does not match with the new schema");
        assertThat(result.confluentDetails().get(1)).contains("in the new schema does not match with the old schema");
        assertThat(result.confluentDetails().subList(2, 4))
                .containsExactly(
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '" + record("{\"name\":\"a\",\"type\":\"string\"}") + "'}");
    }

    @Test
    void confluentMessages_fullBreakingOnlyForward_omitsOldSchemaAsConfluentDoes() {
        CompatibilityResult result =
                check(FULL, record("{\"name\":\"a\",\"type\":\"long\"}"), record("{\"name\":\"a\",\"type\":\"int\"}"));

        assertThat(result.confluentMessages())
                .containsExactly(
                        "{errorType:'TYPE_MISMATCH', description:'The type (path "
                                + "'/fields/0/type') of a field in the old schema does not match with the new schema', additionalInfo:"
                                + "'reader type: INT not compatible with writer type: LONG'}",
                        "{validateFields: 'false', compatibility: 'FULL'}");
    }

    @Test
    void confluentDetails_transitive_reportOnlyTheNewestFailingVersionWhileViolationsCoverAll() {
        String v1 = record("{\"name\":\"a\",\"type\":\"string\"}");
        String v2 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        String v3 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":1}");

        CompatibilityResult result =
                check(BACKWARD_TRANSITIVE, record("{\"name\":\"a\",\"type\":\"int\"}"), v1, v2, v3);

        assertThat(result.violations()).extracting(Violation::oldVersion).containsExactly(1, 2, 3);
        assertThat(result.confluentDetails()).contains("{oldSchemaVersion: 3}").doesNotContain("{oldSchemaVersion: 1}");
    }

    @Test
    void confluentDetails_oldSchemaLongerThan10KiB_isTruncatedAsConfluentDoes() {
        String longDoc = "x".repeat(11_000);
        String old = "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"" + longDoc
                + "\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
        String canonical = AvroSchema.parse(old).canonicalString();

        CompatibilityResult result = check(BACKWARD, record("{\"name\":\"a\",\"type\":\"int\"}"), old);

        assertThat(result.confluentDetails())
                .last()
                .isEqualTo("{oldSchema: <truncated> '" + canonical.substring(0, 10 * 1024) + "...'}");
    }

    @Test
    void confluentDetails_stricterRule_addsEntryNamingTheFieldAndSayingConfluentAccepts() {
        CompatibilityResult result = check(
                BACKWARD,
                record(
                        "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":3}}"),
                record(
                        "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}}"));

        assertThat(result.confluentDetails().get(0))
                .startsWith("{errorType:'DECIMAL_SCALE_CHANGED', description:'Field 'R.amount': decimal scale 2 -> 3")
                .contains("Confluent Schema Registry accepts this change")
                .endsWith("additionalInfo:'field 'R.amount' at path '/fields/0/type': keep scale 2 on `amount`; for "
                        + "another scale add a new field'}");
    }

    @Test
    void incompatibleSchema_joinsMessagesAsConfluentsErrorMessage() {
        assertThat(ConfluentMessages.incompatibleSchema("orders-value", List.of("{a}", "{b}")))
                .isEqualTo(
                        "Schema being registered is incompatible with an earlier schema for subject \"orders-value\", details: "
                                + "[{a}, {b}]");
    }

    @Test
    void confluentMessages_compatibleResult_isEmpty() {
        CompatibilityResult result =
                check(FULL, record("{\"name\":\"a\",\"type\":\"int\"}"), record("{\"name\":\"a\",\"type\":\"int\"}"));

        assertThat(result.confluentMessages()).isEmpty();
    }
}
