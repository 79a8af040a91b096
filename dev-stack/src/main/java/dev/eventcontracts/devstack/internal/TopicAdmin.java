package dev.eventcontracts.devstack.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Creates topics and waits until they accept writes, using only Kafka's public Admin API so that every stack
 * (in-process or container) behaves the same.
 */
public final class TopicAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MS = 50;

    private TopicAdmin() {}

    /**
     * Creates the topic and returns once every partition has a leader that answers offset requests.
     *
     * @param bootstrapServers the cluster address, not null
     * @param name the topic name, not null
     * @param partitions the partition count, at least 1
     * @param replicationFactor the replica count, at least 1
     * @param configs topic configs, not null
     * @throws IllegalArgumentException if a count is below 1
     * @throws IllegalStateException if Kafka rejects the topic or it has no leaders within 30 seconds
     */
    public static void createAndAwaitLeaders(
            String bootstrapServers, String name, int partitions, int replicationFactor, Map<String, String> configs) {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topic '" + name + "': partitions and replicationFactor must be >= 1, was " + partitions + " and "
                            + replicationFactor);
        }
        NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor).configs(Map.copyOf(configs));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "dev-stack-topic-admin"))) {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitLeaders(admin, name, partitions, deadline);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not create topic '" + name + "' (" + partitions
                            + " partitions, replication " + replicationFactor + ", configs " + configs + ") on "
                            + bootstrapServers + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic '" + name + "'", e);
        }
    }

    private static void awaitLeaders(Admin admin, String name, int partitions, long deadline)
            throws InterruptedException {
        String missing = "all partitions";
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription description = admin.describeTopics(List.of(name))
                        .allTopicNames()
                        .get()
                        .get(name);
                missing = partitionsWithoutLeader(description, partitions);
                if (missing.isEmpty()) {
                    // A leader in the metadata may not have applied its leadership yet; an offset request that
                    // succeeds on every partition proves the leaders serve.
                    Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                            .collect(Collectors.toMap(
                                    p -> new TopicPartition(name, p.partition()), p -> OffsetSpec.latest()));
                    admin.listOffsets(latest).all().get();
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException(
                            "topic '" + name + "' was created but cannot be described: "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
                missing = e.getCause().getClass().getSimpleName();
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("topic '" + name + "' has no leader within " + TIMEOUT.toMillis()
                + " ms (still waiting on: " + missing + ")");
    }

    private static String partitionsWithoutLeader(TopicDescription description, int partitions) {
        if (description.partitions().size() < partitions) {
            return description.partitions().size() + " of " + partitions + " partitions known";
        }
        TreeSet<Integer> leaderless = description.partitions().stream()
                .filter(p -> p.leader() == null || p.leader().isEmpty())
                .map(TopicPartitionInfo::partition)
                .collect(Collectors.toCollection(TreeSet::new));
        return leaderless.isEmpty() ? "" : "partitions " + leaderless;
    }
}
