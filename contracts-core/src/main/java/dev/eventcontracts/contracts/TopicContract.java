package dev.eventcontracts.contracts;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract of one Kafka topic, as declared in {@code schemas/topics.json}: its name and layout, the key,
 * the value subject with its compatibility level and event types, and the dead-letter topic.
 *
 * <p>The gate needs only the subjects, schemas and levels, so a descriptor used only to gate schemas may leave out
 * the layout (partitions, replication, {@code min.insync.replicas}), the key field and the dead-letter topic; they
 * are then {@code 0} and null here. The descriptor shipped in a contract jar declares them all.
 *
 * @param name the topic name; never null
 * @param doc what the topic carries, for people; never null
 * @param partitions the number of partitions; {@code 0} when not declared
 * @param replicationFactor the replication factor in production (a smaller cluster uses its broker count);
 *     {@code 0} when not declared
 * @param minInsyncReplicas {@code min.insync.replicas} of the topic; {@code 0} when not declared
 * @param key the record key contract; never null
 * @param value the record value contract; never null
 * @param deadLetterTopic where events that cannot be processed go, with their cause; null when not declared
 * @since 0.1.0
 */
public record TopicContract(
        String name,
        String doc,
        int partitions,
        short replicationFactor,
        int minInsyncReplicas,
        KeyContract key,
        ValueContract value,
        String deadLetterTopic) {

    /** Checks the required parts and copies nothing mutable. */
    public TopicContract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (partitions < 0 || replicationFactor < 0 || minInsyncReplicas < 0) {
            throw new IllegalArgumentException("topic '" + name
                    + "': partitions, replicationFactor and minInsyncReplicas must be at least 1 when declared");
        }
    }

    /**
     * The record key of a topic.
     *
     * @param subject the registry subject of the key schema; never null
     * @param schema the key's Avro schema as JSON text, e.g. {@code "string"} (with the quotes); never null
     * @param field the field of every event that is the key, e.g. {@code orderId}; null when not declared
     * @param compatibility the key subject's compatibility level as written, or null when the contract gives none
     *     (the registry's level applies)
     */
    public record KeyContract(String subject, String schema, String field, String compatibility) {

        /** Checks the required parts. */
        public KeyContract {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
        }

        /** Returns the key subject's level; empty when the contract gives none. */
        public Optional<CompatibilityLevel> level() {
            return CompatibilityLevel.parse(compatibility);
        }
    }

    /**
     * The record value of a topic: a union of event types registered with schema references.
     *
     * @param subject the registry subject of the union; never null
     * @param compatibility the subject's compatibility level as written, e.g. {@code FULL_TRANSITIVE}; never null
     * @param eventTypes the full names of the event records in the union, in union order; never null
     */
    public record ValueContract(String subject, String compatibility, List<String> eventTypes) {

        /** Checks the required parts and copies the event types. */
        public ValueContract {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(compatibility, "compatibility");
            eventTypes = List.copyOf(eventTypes);
        }

        /**
         * Returns the value subject's level.
         *
         * @return the level; never null ({@link TopicContracts} accepts only valid levels)
         * @throws IllegalStateException when the record was built by hand with an unknown level
         */
        public CompatibilityLevel level() {
            return CompatibilityLevel.parse(compatibility)
                    .orElseThrow(() -> new IllegalStateException("value subject '" + subject
                            + "' has the unknown compatibility level '" + compatibility + "'"));
        }
    }
}
