package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mvn verify} on a user's contract project with the gate bound (no registry: the offline gate against
 * the released baseline). Each breaking change fails the build, and the output names the field and the rule;
 * a compatible change passes.
 */
@Tag("integration")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class OfflineGateIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "required-field-added,  taxRate,   FIELD_ADDED_WITHOUT_DEFAULT",
        "field-type-changed,    quantity,  FIELD_TYPE_CHANGED",
        "enum-symbol-removed,   channel,   ENUM_SYMBOL_REMOVED",
        "field-renamed,         customer,  FIELD_RENAMED_WITHOUT_ALIAS",
        "decimal-scale-changed, amount,    DECIMAL_SCALE_CHANGED",
        "union-branch-removed,  reference, UNION_BRANCH_REMOVED",
    })
    void verify_breakingChange_failsTheBuildNamingFieldAndRule(String change, String field, String rule) {
        FixtureBuild.Result result = FixtureBuild.of(change).verify();

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output())
                .contains("BUILD FAILURE", "Schema compatibility check failed", "field '" + field + "'", rule);
    }

    @Test
    void verify_optionalFieldWithDefaultAdded_passes() throws Exception {
        FixtureBuild.Result result =
                FixtureBuild.of("compatible-optional-field").verify();

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("is FULL_TRANSITIVE compatible", "BUILD SUCCESS");
        assertThat(result.project().resolve("target/contracts-reports/TEST-contracts-compatibility.xml"))
                .exists();
        assertThat(Files.readString(result.project().resolve("target/contracts-reports/compatibility-report.json")))
                .contains("\"compatible\" : true");
    }
}
