package dev.eventcontracts.server;

import dev.eventcontracts.devstack.RegistryProvider;
import dev.eventcontracts.devstack.RunningRegistry;
import java.util.Map;

/**
 * This module's own registry for its tests annotated {@code @WithKafka(registry = true)}, started through
 * {@link TestServers} on a fresh store topic. Other modules get the registry from {@code dev-stack-registry}, which
 * depends on this module and so cannot be a dependency of its tests.
 */
public final class TestServersRegistryProvider implements RegistryProvider {

    /** Creates the provider (ServiceLoader). */
    public TestServersRegistryProvider() {}

    @Override
    public RunningRegistry start(String bootstrapServers, Map<String, String> config) {
        RegistryServer server = TestServers.onKafka(bootstrapServers, config);
        return new RunningRegistry() {
            @Override
            public String url() {
                return server.url();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
