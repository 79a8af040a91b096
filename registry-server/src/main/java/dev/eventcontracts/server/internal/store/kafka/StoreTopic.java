package dev.eventcontracts.server.internal.store.kafka;

import dev.eventcontracts.server.internal.store.StoreException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the store topic, or checks that an existing one can hold the registry's state: exactly one partition
 * (the log's order is the registry's order) and {@code cleanup.policy=compact} (so nothing is ever deleted by
 * retention). A wrong topic fails the start rather than risk the state.
 */
final class StoreTopic {

    private static final Logger LOG = LoggerFactory.getLogger(StoreTopic.class);

    private final Admin admin;
    private final String topic;
    private final int replicationFactor;

    StoreTopic(Admin admin, String topic, int replicationFactor) {
        this.admin = admin;
        this.topic = topic;
        this.replicationFactor = replicationFactor;
    }

    /**
     * Creates the topic if it is missing, then checks it.
     *
     * @param timeoutMs how long the admin calls may take in total
     * @throws StoreException naming the topic and the problem when it is wrong or the brokers do not answer
     */
    void ensure(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        TopicDescription description = describe(deadline);
        boolean created = false;
        if (description == null) {
            created = create(deadline);
            description = describeOnceKnown(deadline);
        }
        check(description, deadline, created);
    }

    private TopicDescription describe(long deadline) {
        try {
            return await(admin.describeTopics(List.of(topic)).allTopicNames(), deadline)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw failure("describe", e.getCause());
        }
    }

    /** Describes a topic just created, waiting for the metadata to reach the broker that answers. */
    private TopicDescription describeOnceKnown(long deadline) {
        while (true) {
            TopicDescription description = describe(deadline);
            if (description != null) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException("the store topic '" + topic + "' was created but is not known to the "
                        + "brokers within kafkastore.init.timeout.ms");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for the store topic '" + topic + "'", e);
            }
        }
    }

    /** Creates the topic; false if another instance created it first. */
    private boolean create(long deadline) {
        try {
            int brokers = await(admin.describeCluster().nodes(), deadline).size();
            short replicas = (short) Math.max(1, Math.min(replicationFactor, brokers));
            if (replicas < replicationFactor) {
                LOG.warn(
                        "Creating the store topic '{}' with replication factor {} (kafkastore.topic.replication.factor"
                                + " is {}, the cluster has {} broker(s))",
                        topic,
                        replicas,
                        replicationFactor,
                        brokers);
            }
            NewTopic newTopic = new NewTopic(topic, 1, replicas)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            await(admin.createTopics(List.of(newTopic)).all(), deadline);
            LOG.info("Created the store topic '{}' (1 partition, compacted, replication factor {})", topic, replicas);
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("create", e.getCause());
            }
            // another instance created it at the same time: it is checked like any existing topic
            return false;
        }
    }

    private void check(TopicDescription description, long deadline, boolean created) {
        int partitions = description.partitions().size();
        if (partitions != 1) {
            throw new StoreException("the store topic '" + topic + "' has " + partitions + " partitions, but the "
                    + "registry needs exactly 1 to keep its records in order; use a new topic (kafkastore.topic) or "
                    + "recreate this one with 1 partition");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        String policy;
        try {
            Config config = await(admin.describeConfigs(Set.of(resource)).all(), deadline)
                    .get(resource);
            policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        } catch (ExecutionException e) {
            throw failure("describe the configuration of", e.getCause());
        }
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
            throw new StoreException("the store topic '" + topic + "' has cleanup.policy=" + policy + ", but the "
                    + "registry needs cleanup.policy=compact so that no schema is ever deleted by retention; "
                    + "change the topic's cleanup.policy to compact or use another topic (kafkastore.topic)");
        }
        int replicas = description.partitions().get(0).replicas().size();
        if (replicas < replicationFactor && !created) {
            LOG.warn(
                    "The store topic '{}' has replication factor {}, lower than kafkastore.topic.replication.factor"
                            + " {}",
                    topic,
                    replicas,
                    replicationFactor);
        }
    }

    private StoreException failure(String action, Throwable cause) {
        return new StoreException("could not " + action + " the store topic '" + topic + "': " + cause, cause);
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, long deadline) throws ExecutionException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new StoreException(
                    "the Kafka brokers did not answer in time (kafkastore.init.timeout.ms) while "
                            + "checking the store topic '" + topic + "'",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while checking the store topic '" + topic + "'", e);
        }
    }
}
