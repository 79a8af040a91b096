package dev.eventcontracts.demo;

import dev.eventcontracts.devstack.StandaloneKafka;
import dev.eventcontracts.server.RegistryServer;
import dev.eventcontracts.server.RegistryServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Kafka and the schema registry, running in this JVM: one combined broker-and-controller node (Apache Kafka's
 * own {@code KafkaRaftServer}, KRaft, data in a directory) and our registry server storing its schemas in that
 * broker. No Docker, nothing to install.
 *
 * <p>Why the broker is dev-stack's {@link StandaloneKafka} rather than its test cluster: it starts on a fixed port,
 * keeps its data between runs and behaves like a production broker, which is what a developer's stack needs.
 *
 * @since 0.1.0
 */
public final class DevStack implements AutoCloseable {

    private final StandaloneKafka broker;
    private final RegistryServer registry;
    private final long kafkaStartMillis;
    private final long registryStartMillis;

    private DevStack(StandaloneKafka broker, RegistryServer registry, long kafkaStartMillis, long registryStartMillis) {
        this.broker = broker;
        this.registry = registry;
        this.kafkaStartMillis = kafkaStartMillis;
        this.registryStartMillis = registryStartMillis;
    }

    /**
     * Starts Kafka, then the registry, and returns once both serve requests.
     *
     * @param dataDir Kafka's data directory, created if missing and reused if present; never null
     * @param kafkaPort the Kafka client port on localhost; {@code 0} picks a free one
     * @param registryPort the registry port on localhost; {@code 0} picks a free one
     * @return the running stack; the caller closes it
     * @throws IllegalStateException when either does not start
     */
    public static DevStack start(Path dataDir, int kafkaPort, int registryPort) {
        Objects.requireNonNull(dataDir, "dataDir");
        long start = System.nanoTime();
        StandaloneKafka broker = StandaloneKafka.start(dataDir, kafkaPort);
        long kafkaMillis = (System.nanoTime() - start) / 1_000_000;
        try {
            Map<String, Object> props = new HashMap<>();
            props.put(RegistryServerConfig.LISTENERS, "http://127.0.0.1:" + registryPort);
            props.put(RegistryServerConfig.HOST_NAME, "127.0.0.1");
            props.put("kafkastore.bootstrap.servers", broker.bootstrapServers());
            props.put("kafkastore.topic.replication.factor", "1");
            long registryStart = System.nanoTime();
            RegistryServer registry = RegistryServer.start(RegistryServerConfig.of(props));
            return new DevStack(broker, registry, kafkaMillis, (System.nanoTime() - registryStart) / 1_000_000);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** Returns Kafka's {@code bootstrap.servers}; never null. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Returns how long Kafka took to start, in milliseconds. */
    public long kafkaStartMillis() {
        return kafkaStartMillis;
    }

    /** Returns how long the registry took to start (its store topic created and replayed), in milliseconds. */
    public long registryStartMillis() {
        return registryStartMillis;
    }

    /** Returns the registry's URL; never null. */
    public String registryUrl() {
        return registry.url();
    }

    /** Stops the registry, then Kafka (segments flushed, clean shutdown). */
    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
