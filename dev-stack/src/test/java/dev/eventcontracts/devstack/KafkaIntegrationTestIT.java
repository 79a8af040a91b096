package dev.eventcontracts.devstack;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What JUnit makes of {@link KafkaIntegrationTest}: the example classes below run in a launcher of their own,
 * restricted to the tag {@code integration} and with a default timeout of one second, so each outcome shows
 * which annotation JUnit honoured. (The examples are static nested classes, which failsafe does not select.)
 */
@KafkaIntegrationTest
class KafkaIntegrationTestIT {

    private static final Map<String, TestExecutionResult> RESULTS = new ConcurrentHashMap<>();

    @Test
    void composedAnnotationAlone_givesTheTagKafkaAndItsOwnTimeoutOverTheConfiguredDefault() {
        assertSucceeded(ComposedOnlyExample.class);
    }

    @Test
    void directTimeout_winsOverTheComposedOne() {
        TestExecutionResult result = RESULTS.get(DirectTimeoutExample.class.getSimpleName());

        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(result.getThrowable())
                .get()
                .isInstanceOf(TimeoutException.class)
                .extracting(Throwable::getMessage)
                .asString()
                .contains("timed out after 500 milliseconds");
    }

    @Test
    void directWithKafka_winsOverTheComposedOne() {
        assertSucceeded(DirectWithKafkaExample.class);
    }

    private static void assertSucceeded(Class<?> example) {
        TestExecutionResult result = RESULTS.get(example.getSimpleName());
        assertThat(result).as(example.getSimpleName() + " ran").isNotNull();
        assertThat(result.getStatus()).as(result.toString()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    }

    @BeforeAll
    static void runExamples() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(
                        selectClass(ComposedOnlyExample.class),
                        selectClass(DirectTimeoutExample.class),
                        selectClass(DirectWithKafkaExample.class))
                .filters(TagFilter.includeTags("integration"))
                .configurationParameter("junit.jupiter.execution.timeout.default", "1 s")
                .build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                test.getSource()
                        .filter(MethodSource.class::isInstance)
                        .map(MethodSource.class::cast)
                        .ifPresent(method -> RESULTS.put(simpleName(method.getClassName()), result));
            }
        });
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('$') + 1);
    }

    /** Passes only if the tag, the Kafka and the composed two-minute timeout (not the one-second default) apply. */
    @KafkaIntegrationTest
    static class ComposedOnlyExample {
        @Test
        void outlastsTheConfiguredDefault(@BootstrapServers String bootstrap) throws InterruptedException {
            assertThat(bootstrap).isNotBlank();
            Thread.sleep(1_500);
        }
    }

    /** Fails after half a second only if its own {@code @Timeout} beats the composed two minutes. */
    @KafkaIntegrationTest
    @Timeout(value = 500, unit = MILLISECONDS)
    static class DirectTimeoutExample {
        @Test
        void outlastsItsOwnTimeout() throws InterruptedException {
            Thread.sleep(1_500);
        }
    }

    /** Gets a registry only if its own {@code @WithKafka(registry = true)} beats the composed defaults. */
    @KafkaIntegrationTest
    @WithKafka(registry = true)
    static class DirectWithKafkaExample {
        @Test
        void getsTheRegistry(RunningRegistry registry) {
            assertThat(registry.url()).isNotBlank();
        }
    }
}
