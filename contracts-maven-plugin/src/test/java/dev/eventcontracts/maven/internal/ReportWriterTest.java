package dev.eventcontracts.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.compat.Direction;
import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static GateReport report() {
        Violation v = new Violation(
                Rule.DECIMAL_SCALE_CHANGED,
                Direction.BACKWARD,
                1,
                "Money.amount",
                "/fields/0/type",
                "decimal scale 2 -> 3 breaks BACKWARD",
                "add a new field instead");
        SubjectOutcome failed = new SubjectOutcome(
                "x.Money",
                "Money.avsc",
                CompatibilityLevel.FULL_TRANSITIVE,
                SubjectOutcome.Status.FAILED,
                List.of("version 1 (released v1)"),
                List.of(new ReportedViolation(v, "version 1 (released v1)")),
                List.of());
        SubjectOutcome passed = new SubjectOutcome(
                "x.Other",
                "Other.avsc",
                CompatibilityLevel.BACKWARD,
                SubjectOutcome.Status.PASSED,
                List.of("version 2"),
                List.of(),
                List.of());
        SubjectOutcome fresh = new SubjectOutcome(
                "x.New",
                "New.avsc",
                CompatibilityLevel.BACKWARD,
                SubjectOutcome.Status.NEW_SUBJECT,
                List.of(),
                List.of(),
                List.of("no earlier version"));
        return new GateReport("test-compatibility", "the baseline", List.of(failed, passed, fresh));
    }

    @Test
    void failureMessage_namesSubjectOldVersionFieldPathRuleAndFix() {
        String message = report().failureMessage();

        assertThat(message)
                .contains(
                        "1 violation(s) in 1 of 3 subject(s)",
                        "subject 'x.Money' (FULL_TRANSITIVE",
                        "DECIMAL_SCALE_CHANGED against version 1 (released v1)",
                        "field 'amount'",
                        "path Money.amount",
                        "/fields/0/type",
                        "fix: add a new field instead");
        assertThat(message).doesNotContain("x.Other");
    }

    @Test
    void write_jsonReport_holdsEveryViolationField(@TempDir Path dir) throws Exception {
        ReportWriter.write(report(), dir);

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve(ReportWriter.JSON_FILE)));
        assertThat(json.get("compatible").asBoolean()).isFalse();
        JsonNode v = json.get("subjects").get(0).get("violations").get(0);
        assertThat(v.get("rule").asText()).isEqualTo("DECIMAL_SCALE_CHANGED");
        assertThat(v.get("field").asText()).isEqualTo("amount");
        assertThat(v.get("oldVersion").asInt()).isEqualTo(1);
        assertThat(v.get("fixHint").asText()).isEqualTo("add a new field instead");
    }

    @Test
    void write_junitReport_countsFailuresAndSkipsNewSubjects(@TempDir Path dir) throws Exception {
        ReportWriter.write(report(), dir);

        String xml = Files.readString(dir.resolve(ReportWriter.JUNIT_FILE));
        assertThat(xml)
                .contains(
                        "tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\"",
                        "<failure type=\"DECIMAL_SCALE_CHANGED\"",
                        "<skipped message=\"no earlier version\"/>");
    }
}
