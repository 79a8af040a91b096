package dev.eventcontracts.serde;

import org.apache.avro.Schema;

/**
 * The default strategy: subject {@code <topic>-key} or {@code <topic>-value}, so one topic has one key and one
 * value subject.
 *
 * @since 0.1.0
 */
public final class TopicNameStrategy implements SubjectNameStrategy {

    /** Creates the strategy. */
    public TopicNameStrategy() {
        // stateless
    }

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + (isKey ? "-key" : "-value");
    }

    @Override
    public boolean usesSchema() {
        return false;
    }
}
