package dev.eventcontracts.serde;

import org.apache.avro.Schema;

/**
 * Chooses the subject a key or value schema is registered and looked up under.
 *
 * <p>Configured with {@code key.subject.name.strategy} / {@code value.subject.name.strategy}; the built-in
 * strategies are {@link TopicNameStrategy} (the default), {@link RecordNameStrategy} and
 * {@link TopicRecordNameStrategy}, also accepted under Confluent's class names
 * ({@code io.confluent.kafka.serializers.subject.*}). A custom strategy needs a public no-argument constructor.
 * Implementations are stateless and thread-safe.
 *
 * @since 0.1.0
 */
public interface SubjectNameStrategy {

    /**
     * Returns the subject for a record's key or value.
     *
     * @param topic the topic; never null
     * @param isKey whether the schema is the record key's
     * @param schema the schema of the value being written or read; never null
     * @return the subject; never null
     */
    String subjectName(String topic, boolean isKey, Schema schema);

    /**
     * Tells whether {@link #subjectName} depends on the schema, so that a deserializer cannot know the subject
     * before it has fetched the writer schema.
     *
     * @return {@code true} when the subject depends on the schema
     */
    boolean usesSchema();

    /**
     * Returns the full name of a named type, or the type name ({@code "string"}) of any other schema.
     *
     * @param schema the schema; never null
     * @return the record name used by the record-name strategies; never null
     */
    static String recordName(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> schema.getType().getName();
        };
    }
}
