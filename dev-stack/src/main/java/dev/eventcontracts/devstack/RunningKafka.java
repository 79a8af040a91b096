package dev.eventcontracts.devstack;

import java.util.Map;

/**
 * A started Apache Kafka that tests and tools can talk to, whatever runs it.
 *
 * <p>Why an interface: the {@link KafkaExtension} runs the broker in-process ({@link KafkaCluster}) or, with
 * {@code -Dstack=docker}, in a container. Tests that only need an address and topics inject this type (or
 * {@link BootstrapServers @BootstrapServers String}) and run unchanged on both stacks; tests that stop and
 * start brokers inject {@link KafkaCluster}.
 *
 * @since 0.1.0
 */
public interface RunningKafka extends AutoCloseable {

    /**
     * Returns the address clients connect to.
     *
     * @return the comma-separated {@code host:port} list for {@code bootstrap.servers}, never null
     */
    String bootstrapServers();

    /**
     * Creates a topic and returns only once every partition has a leader that accepts requests, so the first
     * produce does not meet {@code NOT_LEADER_OR_FOLLOWER} retries.
     *
     * @param name the topic name, not null
     * @param partitions the number of partitions, at least 1
     * @param replicationFactor the number of replicas per partition, at least 1 and at most the broker count
     * @param configs topic-level configs such as {@code min.insync.replicas}; not null, may be empty
     * @throws IllegalStateException if the topic cannot be created or gets no leaders within 30 seconds
     */
    void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs);

    /**
     * Stops Kafka and deletes its data; calling it again does nothing.
     */
    @Override
    void close();
}
