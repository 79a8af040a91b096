package dev.eventcontracts.server;

import dev.eventcontracts.devstack.KafkaIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The header of the HTTP API integration tests: a {@link KafkaIntegrationTest} whose class gets one registry of its
 * own on the shared broker ({@link RegistryOnKafka}) and one test instance, which receives the registry's
 * {@link Rest} client in its constructor.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaIntegrationTest
@ExtendWith(RegistryOnKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@interface WithRegistryOnKafka {}
