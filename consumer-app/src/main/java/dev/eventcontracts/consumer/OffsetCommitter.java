package dev.eventcontracts.consumer.internal;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Commits the offsets of a processed batch. The production implementation is a synchronous commit; tests
 * substitute one that dies between processing and commit, to show that a crash there loses and duplicates
 * nothing.
 */
@FunctionalInterface
public interface OffsetCommitter {

    /** Commits synchronously. */
    OffsetCommitter SYNC = Consumer::commitSync;

    /**
     * Commits offsets.
     *
     * @param consumer the consumer that read the batch; never null
     * @param offsets the next offset to read per partition; never null
     */
    void commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> offsets);
}
