package dev.eventcontracts.demo;

import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of the topic contract — each topic and its dead-letter topic — with the declared partitions.
 * Replication and {@code min.insync.replicas} are capped at the cluster's broker count, so a one-broker dev stack
 * gets replication 1 while a three-broker cluster gets the declared 3 and 2. Existing topics are left as they are.
 *
 * @since 0.1.0
 */
public final class TopicSetup {

    /**
     * One created or existing topic.
     *
     * @param name the topic; never null
     * @param partitions its partitions
     * @param replicationFactor its replication factor as requested
     * @param created whether this call created it
     */
    public record Topic(String name, int partitions, short replicationFactor, boolean created) {}

    private TopicSetup() {}

    /**
     * Creates the contract's topics that do not exist yet.
     *
     * @param bootstrapServers the cluster; never null
     * @param contracts the topic contracts; never null
     * @return every topic of the contract, dead-letter topics included; never null
     * @throws IllegalStateException when the cluster refuses or cannot be reached
     */
    public static List<Topic> create(String bootstrapServers, TopicContracts contracts) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int brokers = admin.describeCluster().nodes().get().size();
            List<Topic> topics = new ArrayList<>();
            for (TopicContract contract : contracts.topics()) {
                short replication = (short) Math.min(contract.replicationFactor(), brokers);
                int minInsync = Math.min(contract.minInsyncReplicas(), replication);
                for (String name : List.of(contract.name(), contract.deadLetterTopic())) {
                    NewTopic topic = new NewTopic(name, contract.partitions(), replication)
                            .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync)));
                    topics.add(new Topic(name, contract.partitions(), replication, createOne(admin, topic)));
                }
            }
            return topics;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot create the contract's topics on " + bootstrapServers + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static boolean createOne(Admin admin, NewTopic topic) throws ExecutionException, InterruptedException {
        try {
            admin.createTopics(List.of(topic)).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }
}
