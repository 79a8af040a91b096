package dev.eventcontracts.devstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter or field that the {@link KafkaExtension} fills with the test Kafka's
 * {@code bootstrap.servers} address.
 *
 * <pre>{@code
 * @WithKafka
 * class OrderPublisherIT {
 *     @Test
 *     void publishes(@BootstrapServers String bootstrap) { ... }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface BootstrapServers {}
