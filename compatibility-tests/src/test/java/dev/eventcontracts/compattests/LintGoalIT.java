package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code contracts:validate} on a fixture: lint findings fail the build, and rules can be switched off. */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class LintGoalIT {

    @Test
    void validate_enumWithoutDefault_failsNamingRuleTypeAndFix() {
        FixtureBuild.Result result = FixtureBuild.of("_base").run(List.of("contracts:validate"), Map.of());

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output()).contains("[enum-default]", "dev.acme.payments.Channel", "\"default\": \"UNKNOWN\"");
    }

    @Test
    void validate_ruleSkipped_passes() {
        FixtureBuild.Result result = FixtureBuild.of("_base")
                .run(List.of("contracts:validate"), Map.of("contracts.skipLintRules", "enum-default"));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("valid Avro, lint clean");
    }
}
