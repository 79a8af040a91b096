package dev.eventcontracts.consumer.internal.dlq;

import dev.eventcontracts.consumer.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record of the dead-letter topic with the service's headers read: why it failed, which consumer group gave up
 * on it, and where it came from.
 *
 * @param record the record as read; never null
 */
public record DeadLetterRecord(ConsumerRecord<byte[], byte[]> record) {

    /** The CloudEvents header with the event id, as the order service writes it. */
    static final String EVENT_ID_HEADER = "ce_id";

    /** Checks that the record is there. */
    public DeadLetterRecord {
        Objects.requireNonNull(record, "record");
    }

    /** Returns {@code <topic>-<partition>@<offset>}: where this dead letter is; never null. */
    public String coordinates() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Returns the dead-letter reason header, or {@code (none)}; never null. */
    public String reason() {
        return header(DeadLetterHeaders.REASON, "(none)");
    }

    /** Returns the consumer group header, or {@code (none)}; never null. */
    public String group() {
        return header(DeadLetterHeaders.CONSUMER_GROUP, "(none)");
    }

    /** Returns the topic the record was read from, or null when the header is missing. */
    public String originalTopic() {
        return header(DeadLetterHeaders.ORIGINAL_TOPIC, null);
    }

    /** Returns {@code <topic>-<partition>@<offset>} of the original record, or {@code (unknown)}; never null. */
    public String originalCoordinates() {
        return header(DeadLetterHeaders.ORIGINAL_TOPIC, "?") + "-" + header(DeadLetterHeaders.ORIGINAL_PARTITION, "?")
                + "@" + header(DeadLetterHeaders.ORIGINAL_OFFSET, "?");
    }

    /** Returns the original offset, if the header holds one. */
    public OptionalLong originalOffset() {
        try {
            String offset = header(DeadLetterHeaders.ORIGINAL_OFFSET, null);
            return offset == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(offset));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Returns the event id from the CloudEvents header {@code ce_id}, or null when absent. */
    public String eventIdHeader() {
        return header(EVENT_ID_HEADER, null);
    }

    /** Returns when the dead letter was written; never null. */
    public Instant timestamp() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    /**
     * Returns the last value of a header as UTF-8 text.
     *
     * @param key the header key; never null
     * @param absent what to return when the header is missing
     * @return the value, or {@code absent}
     */
    public String header(String key, String absent) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? absent : new String(header.value(), StandardCharsets.UTF_8);
    }
}
