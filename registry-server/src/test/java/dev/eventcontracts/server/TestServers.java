package dev.eventcontracts.server;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Starts registry servers for the tests on random loopback ports. */
final class TestServers {

    private TestServers() {}

    /** A registry on an in-memory store (no {@code kafkastore.bootstrap.servers}). */
    static RegistryServer inMemory(Map<String, ?> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put(RegistryServerConfig.LISTENERS, "http://127.0.0.1:0");
        props.putAll(extra);
        return RegistryServer.start(RegistryServerConfig.of(props));
    }

    /** A registry on a fresh store topic of a real broker. */
    static RegistryServer onKafka(String bootstrapServers, Map<String, ?> extra) {
        return onKafka(bootstrapServers, "_schemas-" + UUID.randomUUID(), extra);
    }

    /** A registry on the given store topic of a real broker. */
    static RegistryServer onKafka(String bootstrapServers, String topic, Map<String, ?> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put(RegistryServerConfig.LISTENERS, "http://127.0.0.1:0");
        props.put(RegistryServerConfig.HOST_NAME, "127.0.0.1");
        props.put("kafkastore.bootstrap.servers", bootstrapServers);
        props.put("kafkastore.topic", topic);
        props.put("kafkastore.topic.replication.factor", "1");
        props.put("schema.registry.group.id", "registry-" + topic);
        props.putAll(extra);
        return RegistryServer.start(RegistryServerConfig.of(props));
    }
}
