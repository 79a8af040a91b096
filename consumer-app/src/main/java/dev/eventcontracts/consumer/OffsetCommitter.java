package dev.eventcontracts.consumer;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Commits the offsets of a batch after it has been processed: the read model transaction and the dead letters
 * are durable when it is called. The default, {@link #ASYNC}, sends the commit and goes on with the next batch;
 * {@link #SYNC} waits for the group coordinator's answer.
 *
 * <p>Why asynchronous by default: the read model, not the committed offset, decides what has been applied — every
 * event id is recorded in the transaction that applies it — so a commit that is lost or fails only means that
 * some events are delivered again and skipped as duplicates. Waiting for each commit cost one broker round trip a
 * batch: 7.4 ms of about 30 ms per batch of 500 events in {@code ReadModelThroughputHarness}, a quarter of the
 * service's time. The service still commits synchronously where it matters: when partitions are revoked (so the
 * next owner starts where this one stopped) and when it stops.
 *
 * <p>Why an extension point: a service could keep its offsets elsewhere (e.g. in the read model's database). It
 * is called between processing and commit, the one moment where a crash leads to redelivery; redelivery changes
 * nothing, because the read model records each event id in the same transaction as its effect.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OffsetCommitter {

    /** Commits synchronously: waits for the coordinator's answer. */
    OffsetCommitter SYNC = Consumer::commitSync;

    /**
     * Commits asynchronously; a failed commit is logged at WARN (its events will be delivered again and skipped).
     * Kafka sends asynchronous commits in order, and {@code close()} waits for those in flight.
     */
    OffsetCommitter ASYNC = (consumer, offsets) -> consumer.commitAsync(offsets, (committed, failure) -> {
        if (failure != null) {
            org.slf4j.LoggerFactory.getLogger(OffsetCommitter.class)
                    .warn(
                            "Offsets {} not committed ({}); their events will be delivered again and skipped as"
                                    + " duplicates",
                            committed,
                            failure.toString());
        }
    });

    /**
     * Commits offsets.
     *
     * @param consumer the consumer that read the batch; never null
     * @param offsets the next offset to read per partition; never null
     */
    void commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> offsets);
}
