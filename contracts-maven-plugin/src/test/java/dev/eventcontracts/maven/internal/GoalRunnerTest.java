package dev.eventcontracts.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventcontracts.client.RegistryException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class GoalRunnerTest {

    private static final GoalRunner REGISTER =
            GoalRunner.withRegistry("register", "register schemas", () -> "http://registry:8081");

    @Test
    void run_workSucceeds_throwsNothing() {
        assertThatCode(() -> REGISTER.run(() -> {})).doesNotThrowAnyException();
    }

    @Test
    void run_invalidContract_failsTheBuildWithItsMessage() {
        InvalidContractException invalid = new InvalidContractException("schema of 'orders-value' is not Avro", null);

        Throwable thrown = catchThrowable(() -> REGISTER.run(() -> {
            throw invalid;
        }));

        assertThat(thrown)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(invalid.getMessage())
                .hasCause(invalid);
    }

    @Test
    void run_gateProblem_isAnExecutionErrorWithItsMessage() {
        GateException problem = new GateException("No schemas configured", null);

        Throwable thrown = catchThrowable(() -> REGISTER.run(() -> {
            throw problem;
        }));

        assertThat(thrown)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("No schemas configured")
                .hasCause(problem);
    }

    @Test
    void run_registryAnswer_namesTheActionTheRegistryAndTheAnswer() {
        AtomicInteger described = new AtomicInteger();
        GoalRunner runner = GoalRunner.withRegistry("download", "download schemas", () -> {
            described.incrementAndGet();
            return "http://registry:8081";
        });

        Throwable thrown = catchThrowable(() -> runner.run(() -> {
            throw new RegistryException(401, 40101, "Unauthorized", null);
        }));

        assertThat(thrown)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Could not download schemas at "
                        + "http://registry:8081: the registry answered HTTP 401 error_code 40101: Unauthorized");
        assertThat(described).hasValue(1);
    }

    @Test
    void run_registryFailureInALocalGoal_isUnexpected() {
        Throwable thrown = catchThrowable(() -> GoalRunner.local("validate").run(() -> {
            throw new RegistryException(0, 0, "Connection refused", null);
        }));

        assertThat(thrown)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("validate failed unexpectedly: dev.eventcontracts.client.RegistryException");
    }

    @Test
    void run_runtimeException_isAnExecutionErrorNamingTheGoal() {
        IllegalStateException bug = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> REGISTER.run(() -> {
            throw bug;
        }));

        assertThat(thrown)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("register failed unexpectedly: java.lang.IllegalStateException: boom")
                .hasCause(bug);
    }

    @Test
    void run_mavenExceptionsFromTheWork_passUnchanged() {
        MojoFailureException violations = new MojoFailureException("2 violations");
        MojoExecutionException own = new MojoExecutionException("Cannot write schemas to target");

        assertThat(catchThrowable(() -> REGISTER.run(() -> {
                    throw violations;
                })))
                .isSameAs(violations);
        assertThat(catchThrowable(() -> REGISTER.run(() -> {
                    throw own;
                })))
                .isSameAs(own);
    }
}
