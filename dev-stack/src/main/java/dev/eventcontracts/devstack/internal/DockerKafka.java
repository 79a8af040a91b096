package dev.eventcontracts.devstack.internal;

import dev.eventcontracts.devstack.RunningKafka;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.ConfluentKafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A single Kafka broker in a {@code confluentinc/cp-kafka} container; the only class that uses Testcontainers.
 * Load it only after {@link DockerSupport} has found Testcontainers on the classpath.
 */
final class DockerKafka implements RunningKafka {

    private static final Logger LOG = LoggerFactory.getLogger(DockerKafka.class);

    private final ConfluentKafkaContainer container;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DockerKafka(ConfluentKafkaContainer container) {
        this.container = container;
        this.bootstrapServers = container.getBootstrapServers();
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static DockerKafka start(String image) {
        long start = System.nanoTime();
        ConfluentKafkaContainer container = new ConfluentKafkaContainer(
                        DockerImageName.parse(image).asCompatibleSubstituteFor("confluentinc/cp-kafka"))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new IllegalStateException(
                    "Kafka container from image '" + image + "' did not start: " + e.getMessage(), e);
        }
        DockerKafka kafka = new DockerKafka(container);
        LOG.info(
                "Kafka broker(s) ready at {} in {} ms (1 broker, docker image {})",
                kafka.bootstrapServers,
                (System.nanoTime() - start) / 1_000_000,
                image);
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configs, "configs");
        TopicAdmin.createAndAwaitLeaders(bootstrapServers, name, partitions, replicationFactor, configs);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            container.stop();
        }
    }

    @Override
    public String toString() {
        return "DockerKafka[" + bootstrapServers + "]";
    }
}
