package dev.eventcontracts.devstack;

import dev.eventcontracts.devstack.internal.BrokerDefaults;
import dev.eventcontracts.devstack.internal.TopicAdmin;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka cluster (KRaft) running inside this JVM, built from Apache's own broker classes.
 *
 * <p>Why: integration tests need the broker that production runs, not a mock, and neither developers' machines
 * nor CI are guaranteed a Docker engine. One broker is a combined broker-and-controller node (ready in about
 * 2 s in a fresh JVM); a larger cluster has that many brokers plus one controller, {@code min.insync.replicas=2},
 * replication 3, and brokers that {@link #stopBroker(int) stop like a crash} so failover can be tested.
 * Data lives in a temporary directory that {@link #close()} deletes.
 *
 * <p>This is the only class that calls Kafka's internal test kit
 * ({@code org.apache.kafka.common.test.KafkaClusterTestKit}). The kit is no public API: its version is pinned by
 * the parent pom and a Kafka upgrade is checked against this class.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.builder().brokers(3).start()) {
 *     kafka.createTopic("orders", 3, 3, Map.of());
 *     kafka.stopBroker(kafka.brokerIds().get(0));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Tests usually get one from the {@link KafkaExtension} instead of building it.
 *
 * @since 0.1.0
 */
public final class KafkaCluster implements RunningKafka {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);

    private final KafkaClusterTestKit kit;
    private final String bootstrapServers;
    private final Set<Integer> stoppedBrokers = new HashSet<>();
    private boolean closed;

    private KafkaCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        // Computed once: the kit derives it from running brokers, and a stopped broker keeps its port.
        this.bootstrapServers = kit.bootstrapServers();
    }

    /**
     * Returns a builder for a single-broker cluster.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Returns the ids of all brokers, running or stopped.
     *
     * @return the ids in ascending order, never null or empty
     */
    public List<Integer> brokerIds() {
        return List.copyOf(new TreeSet<>(kit.brokers().keySet()));
    }

    /**
     * Stops one broker and returns once it is down. In a multi-broker cluster the broker does not hand over its
     * partitions first (no controlled shutdown): the controller notices it is gone after the 3 s session
     * timeout, as after a crash.
     *
     * @param nodeId one of {@link #brokerIds()}
     * @throws IllegalArgumentException if no broker has that id
     * @throws IllegalStateException if the broker is already stopped or the cluster is closed
     */
    public synchronized void stopBroker(int nodeId) {
        BrokerServer broker = openBroker(nodeId);
        if (!stoppedBrokers.add(nodeId)) {
            throw new IllegalStateException(
                    "broker " + nodeId + " is already stopped; startBroker(" + nodeId + ") first");
        }
        broker.shutdown();
        LOG.info("Kafka broker {} stopped", nodeId);
    }

    /**
     * Starts a stopped broker again on its old port and returns once it has registered with the controller.
     * Catching up on its partitions (rejoining the ISR) happens afterwards.
     *
     * @param nodeId one of {@link #brokerIds()} that was stopped with {@link #stopBroker(int)}
     * @throws IllegalArgumentException if no broker has that id
     * @throws IllegalStateException if the broker is running or the cluster is closed
     */
    public synchronized void startBroker(int nodeId) {
        BrokerServer broker = openBroker(nodeId);
        if (!stoppedBrokers.contains(nodeId)) {
            throw new IllegalStateException("broker " + nodeId + " is running; stopBroker(" + nodeId + ") first");
        }
        long start = System.nanoTime();
        broker.startup();
        stoppedBrokers.remove(nodeId);
        LOG.info("Kafka broker {} restarted in {} ms", nodeId, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configs, "configs");
        TopicAdmin.createAndAwaitLeaders(bootstrapServers, name, partitions, replicationFactor, configs);
    }

    /**
     * Stops every node and deletes the data; calling it again does nothing (the kit itself throws on a second
     * close).
     *
     * @throws IllegalStateException if a node fails to shut down
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        try {
            kit.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka cluster at " + bootstrapServers + " did not shut down cleanly", e);
        }
        LOG.info("Kafka broker(s) at {} stopped in {} ms", bootstrapServers, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public String toString() {
        return "KafkaCluster[" + bootstrapServers + "]";
    }

    private BrokerServer openBroker(int nodeId) {
        if (closed) {
            throw new IllegalStateException("Kafka cluster at " + bootstrapServers + " is closed");
        }
        BrokerServer broker = kit.brokers().get(nodeId);
        if (broker == null) {
            throw new IllegalArgumentException("no broker with id " + nodeId + "; broker ids are " + brokerIds());
        }
        return broker;
    }

    /**
     * Configures and starts a {@link KafkaCluster}.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private int brokers = 1;
        private final Map<String, String> brokerConfig = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the number of brokers: 1 runs one combined broker-and-controller node; more run that many
         * brokers and one controller.
         *
         * @param count the broker count, at least 1 (default 1)
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is below 1
         */
        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("brokers must be at least 1, was " + count);
            }
            this.brokers = count;
            return this;
        }

        /**
         * Adds one broker (and controller) config, applied after dev-stack's defaults so it overrides them.
         *
         * @param key a Kafka broker config name such as {@code log.retention.ms}, not null
         * @param value its value, not null
         * @return this builder
         */
        public Builder brokerConfig(String key, String value) {
            brokerConfig.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value for " + key));
            return this;
        }

        /**
         * Adds broker configs, as {@link #brokerConfig(String, String)} does for each entry.
         *
         * @param config Kafka broker config names to values, not null
         * @return this builder
         */
        public Builder brokerConfig(Map<String, String> config) {
            config.forEach(this::brokerConfig);
            return this;
        }

        /**
         * Formats storage, starts every node and returns once all brokers are registered, unfenced and have
         * caught up with the metadata; logs one INFO line with the address and the time taken.
         *
         * @return the running cluster, never null; the caller closes it
         * @throws IllegalStateException if the cluster does not start
         */
        public KafkaCluster start() {
            long startNanos = System.nanoTime();
            KafkaClusterTestKit kit = buildKit();
            try {
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
            } catch (Exception e) {
                closeAfterFailedStart(kit, e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException(
                        "Kafka cluster of " + brokers + " broker(s) did not start: " + e.getMessage(), e);
            }
            KafkaCluster cluster = new KafkaCluster(kit);
            LOG.info(
                    "Kafka broker(s) ready at {} in {} ms ({} broker(s), in-process KRaft, Kafka {})",
                    cluster.bootstrapServers(),
                    (System.nanoTime() - startNanos) / 1_000_000,
                    brokers,
                    AppInfoParser.getVersion());
            return cluster;
        }

        private KafkaClusterTestKit buildKit() {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(brokers == 1)
                    .setNumControllerNodes(1)
                    .setNumBrokerNodes(brokers)
                    // Without it the kit formats with the newest, unreleased metadata version.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            effectiveConfig().forEach(builder::setConfigProp);
            try {
                return builder.build();
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Kafka cluster of " + brokers + " broker(s) could not be configured: " + e.getMessage(), e);
            }
        }

        private Map<String, String> effectiveConfig() {
            Map<String, String> config = BrokerDefaults.forBrokers(brokers);
            // Behave like a production broker: the kit enables unreleased API and feature versions by default.
            config.put("unstable.api.versions.enable", "false");
            config.put("unstable.feature.versions.enable", "false");
            // Fewer __consumer_offsets partitions: the first consumer group of a test creates them all.
            config.put("offsets.topic.num.partitions", "5");
            if (brokers > 1) {
                // Crash-like stops: no leadership hand-over, and the controller fences a silent broker after 3 s.
                config.put("controlled.shutdown.enable", "false");
                config.put("broker.session.timeout.ms", "3000");
                config.put("broker.heartbeat.interval.ms", "500");
            }
            config.putAll(brokerConfig);
            return config;
        }

        private static void closeAfterFailedStart(KafkaClusterTestKit kit, Exception cause) {
            try {
                kit.close();
            } catch (Exception closeFailure) {
                cause.addSuppressed(closeFailure);
            }
        }
    }
}
