package dev.eventcontracts.consumer;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Commits the offsets of a batch after it has been processed: the read model transaction and the dead letters
 * are durable when it is called. The default, {@link #SYNC}, commits synchronously to the consumer group.
 *
 * <p>Why an extension point: a service could keep its offsets elsewhere (e.g. in the read model's database). It
 * is called between processing and commit, the one moment where a crash leads to redelivery; redelivery changes
 * nothing, because the read model records each event id in the same transaction as its effect.
 *
 * @since 0.1.0
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
