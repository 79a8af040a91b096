package dev.eventcontracts.serde;

import org.apache.avro.Schema;

/**
 * Subject = the record's full name (e.g. {@code dev.eventcontracts.orders.OrderCreated}), whatever the topic:
 * one event type evolves under one subject across every topic that carries it.
 *
 * @since 0.1.0
 */
public final class RecordNameStrategy implements SubjectNameStrategy {

    /** Creates the strategy. */
    public RecordNameStrategy() {
        // stateless
    }

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return SubjectNameStrategy.recordName(schema);
    }

    @Override
    public boolean usesSchema() {
        return true;
    }
}
