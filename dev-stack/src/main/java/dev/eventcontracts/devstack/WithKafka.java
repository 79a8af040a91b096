package dev.eventcontracts.devstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a real Apache Kafka broker (KRaft), through the {@link KafkaExtension}.
 *
 * <p>{@code @WithKafka} uses one single-broker Kafka that is started on first use and shared by every test
 * class of the JVM, so a module's integration tests pay the start-up once. {@code @WithKafka(brokers = 3)}
 * starts a cluster of three brokers and one controller that belongs to the class alone (it may stop and restart
 * brokers) and is closed after the class. Tests receive {@link KafkaCluster}, {@link RunningKafka},
 * {@link BootstrapServers @BootstrapServers String} and, with {@code registry = true}, {@link RunningRegistry}
 * as constructor or method parameters, or in non-static fields of those types that are still null.
 *
 * <p>Integration test classes usually take it through {@link KafkaIntegrationTest}, which adds the tag and a
 * timeout, and declare {@code @WithKafka(...)} themselves only for settings other than the defaults:
 *
 * <pre>{@code
 * @KafkaIntegrationTest
 * @WithKafka(registry = true)
 * class OrderPublisherIT {
 *     @Test
 *     void publishes(RunningKafka kafka) {
 *         kafka.createTopic("orders", 3, 1, Map.of());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>On a {@code @Nested} class the nearest annotation wins; nested classes without one use their enclosing
 * class's Kafka.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KafkaExtension.class)
public @interface WithKafka {

    /**
     * The number of brokers: {@code 1} (the default) shares one combined broker-and-controller node across the
     * JVM; more starts a private cluster with that many brokers and one controller, {@code min.insync.replicas=2}
     * and replication 3 by default, and crash-like {@link KafkaCluster#stopBroker(int) broker stops}.
     *
     * @return the broker count, at least 1
     */
    int brokers() default 1;

    /**
     * Whether to start a schema registry next to the broker through the one {@link RegistryProvider} on the
     * classpath; the registry is shared the same way as the broker.
     *
     * @return {@code true} to start and inject a {@link RunningRegistry}
     */
    boolean registry() default false;

    /**
     * Where the broker runs.
     *
     * @return the stack; {@link Stack#DEFAULT} follows the {@code stack} system property
     */
    Stack stack() default Stack.DEFAULT;

    /**
     * Where the shared single broker runs. Multi-broker clusters always run in-process, because tests control
     * their brokers through {@link KafkaCluster}.
     *
     * @since 0.1.0
     */
    enum Stack {
        /** Follows {@code -Dstack=in-process|docker}; in-process when the property is unset. */
        DEFAULT,
        /** Apache Kafka's own broker classes inside the test JVM. */
        IN_PROCESS,
        /**
         * The {@code confluentinc/cp-kafka} image through Testcontainers (image overridable with
         * {@code -Dstack.docker.image}); the class is skipped when Docker or Testcontainers is missing.
         */
        DOCKER
    }
}
