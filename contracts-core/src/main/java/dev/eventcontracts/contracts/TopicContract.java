package dev.eventcontracts.contracts;

import java.util.List;
import java.util.Objects;

/**
 * The contract of one Kafka topic, as declared in {@code schemas/topics.json}: its name and layout, the key,
 * the value subject with its compatibility level and event types, and the dead-letter topic.
 *
 * @param name the topic name; never null
 * @param doc what the topic carries, for people; never null
 * @param partitions the number of partitions
 * @param replicationFactor the replication factor in production (a smaller cluster uses its broker count)
 * @param minInsyncReplicas {@code min.insync.replicas} of the topic
 * @param key the record key contract; never null
 * @param value the record value contract; never null
 * @param deadLetterTopic where events that cannot be processed go, with their cause; never null
 */
public record TopicContract(String name, String doc, int partitions, short replicationFactor, int minInsyncReplicas,
        KeyContract key, ValueContract value, String deadLetterTopic) {

    /** Checks the required parts and copies nothing mutable. */
    public TopicContract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1) {
            throw new IllegalArgumentException("topic '" + name
                    + "': partitions, replicationFactor and minInsyncReplicas must be at least 1");
        }
    }

    /**
     * The record key of a topic.
     *
     * @param subject the registry subject of the key schema; never null
     * @param schema the key's Avro schema, e.g. {@code "string"}; never null
     * @param field the field of every event that is the key, e.g. {@code orderId}; never null
     */
    public record KeyContract(String subject, String schema, String field) {
    }

    /**
     * The record value of a topic: a union of event types registered with schema references.
     *
     * @param subject the registry subject of the union; never null
     * @param compatibility the subject's compatibility level, e.g. {@code FULL_TRANSITIVE}; never null
     * @param eventTypes the full names of the event records in the union, in union order; never null
     */
    public record ValueContract(String subject, String compatibility, List<String> eventTypes) {

        /** Copies the event types. */
        public ValueContract {
            eventTypes = List.copyOf(eventTypes);
        }
    }
}
