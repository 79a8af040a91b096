package dev.eventcontracts.server.internal.store.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A real election consumer whose polling thread can be made to hang, as in a long GC pause or a stuck thread:
 * after {@link #stall()}, {@code poll} blocks until {@link #wakeup()}. Kafka's heartbeat thread notices that
 * nobody polls and, after {@code max.poll.interval.ms}, leaves the group on its own, so another member is elected
 * while the stalled instance is told nothing: it still believes it is the writer.
 */
final class StallingConsumer extends KafkaConsumer<byte[], byte[]> {

    /** How long the group waits for a poll before the member leaves; short, so tests need not wait long. */
    static final int MAX_POLL_INTERVAL_MS = 3_000;

    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean stalled;

    StallingConsumer(Map<String, Object> props) {
        super(withShortPollInterval(props), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Makes the next {@code poll} hang until {@link #wakeup()}. */
    void stall() {
        stalled = true;
    }

    @Override
    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        if (stalled) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new WakeupException();
        }
        return super.poll(timeout);
    }

    @Override
    public void wakeup() {
        released.countDown();
        super.wakeup();
    }

    private static Map<String, Object> withShortPollInterval(Map<String, Object> props) {
        Map<String, Object> copy = new HashMap<>(props);
        copy.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
        return copy;
    }
}
