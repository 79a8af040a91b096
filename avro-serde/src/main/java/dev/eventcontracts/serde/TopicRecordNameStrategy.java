package dev.eventcontracts.serde;

import org.apache.avro.Schema;

/**
 * Subject = {@code <topic>-<record full name>}: several event types in one topic, each evolving on its own
 * within that topic.
 *
 * @since 0.1.0
 */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {

    /** Creates the strategy. */
    public TopicRecordNameStrategy() {
        // stateless
    }

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + SubjectNameStrategy.recordName(schema);
    }

    @Override
    public boolean usesSchema() {
        return true;
    }
}
