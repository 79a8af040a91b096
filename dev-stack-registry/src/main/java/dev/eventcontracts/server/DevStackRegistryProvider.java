package dev.eventcontracts.server;

import dev.eventcontracts.devstack.RegistryProvider;
import dev.eventcontracts.devstack.RunningRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Lets dev-stack's {@code @WithKafka(registry = true)} start this registry: in process, on a random loopback
 * port, on a fresh store topic of the given brokers. Found through {@link java.util.ServiceLoader}.
 *
 * <p>Why a module of its own: the registry server's jar must not depend on the test kit, and the test kit must
 * not depend on the server. Only a build's integration tests see this glue, by declaring
 * {@code dev-stack-registry} with test scope. It keeps the server's package because it is the server's side of
 * the {@code RegistryProvider} contract (nothing imports it; {@code META-INF/services} names it).
 *
 * @since 0.1.0
 */
public final class DevStackRegistryProvider implements RegistryProvider {

    /** Creates the provider (ServiceLoader). */
    public DevStackRegistryProvider() {}

    @Override
    public RunningRegistry start(String bootstrapServers, Map<String, String> config) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new HashMap<>();
        props.put(RegistryServerConfig.LISTENERS, "http://127.0.0.1:0");
        props.put(RegistryServerConfig.HOST_NAME, "127.0.0.1");
        props.put("kafkastore.bootstrap.servers", bootstrapServers);
        props.put("kafkastore.topic", "_schemas-" + id);
        props.put("kafkastore.topic.replication.factor", "1");
        props.put("schema.registry.group.id", "schema-registry-" + id);
        props.putAll(config);
        RegistryServer server = RegistryServer.start(RegistryServerConfig.of(props));
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
