package dev.eventcontracts.devstack;

import java.util.Map;

/**
 * Starts a schema registry for integration tests; found with {@link java.util.ServiceLoader}.
 *
 * <p>Why a service: dev-stack must not depend on the registry server (that module uses dev-stack for its own
 * tests), nor the server on dev-stack. The module {@code dev-stack-registry} implements this interface for our
 * registry server and lists its class in
 * {@code META-INF/services/dev.eventcontracts.devstack.RegistryProvider}; a test class annotated
 * {@code @WithKafka(registry = true)} then gets a registry, started once per JVM like the shared broker.
 * Exactly one provider must be on the test classpath.
 *
 * @since 0.1.0
 */
public interface RegistryProvider {

    /**
     * Starts a registry that stores its schemas in the given Kafka and returns once it serves requests.
     *
     * @param bootstrapServers the Kafka the registry uses, not null
     * @param config extra registry settings keyed by the registry's own config names; not null, currently
     *     always empty (reserved for per-test settings)
     * @return the running registry, never null; the caller closes it
     */
    RunningRegistry start(String bootstrapServers, Map<String, String> config);
}
