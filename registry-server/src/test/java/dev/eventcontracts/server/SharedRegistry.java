package dev.eventcontracts.server;

import dev.eventcontracts.devstack.KafkaCluster;
import java.util.Map;

/** One registry on a fresh store topic of the JVM's shared broker, for one test class (see {@link RegistryOnKafka}). */
final class SharedRegistry implements AutoCloseable {

    private final RegistryServer server;
    private final Rest rest;

    private SharedRegistry(RegistryServer server) {
        this.server = server;
        this.rest = new Rest(server.url());
    }

    static SharedRegistry onKafka(KafkaCluster kafka, Map<String, ?> extra) {
        return new SharedRegistry(TestServers.onKafka(kafka.bootstrapServers(), extra));
    }

    RegistryServer server() {
        return server;
    }

    Rest rest() {
        return rest;
    }

    @Override
    public void close() {
        server.close();
    }
}
