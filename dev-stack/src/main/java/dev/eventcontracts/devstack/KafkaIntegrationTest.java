package dev.eventcontracts.devstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Marks an integration test class that needs Kafka: {@link WithKafka @WithKafka} with its defaults,
 * {@code @Tag("integration")} and a {@code @Timeout} of two minutes for each test and lifecycle method.
 *
 * <p>Why one annotation: every integration test class of this project carries these three (the house rules ask
 * for a tag and a timeout on each), and a header copied into each class drifts. JUnit finds annotations that are
 * present directly on the class before those it reaches through this one, so a class changes any part by
 * declaring it itself:
 *
 * <pre>{@code
 * @KafkaIntegrationTest
 * @WithKafka(registry = true)                          // settings: the direct @WithKafka wins
 * @Timeout(value = 5, unit = TimeUnit.MINUTES)         // a longer timeout: the direct @Timeout wins
 * class OrderPipelineIT {
 *     @Test
 *     void publishes(RunningKafka kafka, RunningRegistry registry) { ... }
 * }
 * }</pre>
 *
 * <p>It sets no test instance lifecycle: whether a class shares one instance across its tests is the class's
 * own choice ({@code @TestInstance(PER_CLASS)}), not something Kafka needs.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithKafka
@Tag("integration")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public @interface KafkaIntegrationTest {}
