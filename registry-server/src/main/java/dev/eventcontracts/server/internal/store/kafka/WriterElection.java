package dev.eventcontracts.server.internal.store.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership in the election group ({@code schema.registry.group.id}): a consumer subscribed to the store topic
 * that never fetches (its partition is paused) and never commits, only takes part in rebalances. The member that
 * {@link WriterAssignor} gives partition 0 is the writer.
 *
 * <p>Why a consumer group: Kafka already detects dead members (session timeout) and runs the hand-over; the
 * transactional producer then fences the previous writer, so the group only has to be eventually right.
 */
final class WriterElection implements AutoCloseable {

    /** What the election tells the log. Called on the election thread. */
    interface Listener {
        /** This instance got partition 0: it should fence the previous writer and start writing. */
        void elected();

        /** This instance lost partition 0 (revoked, or its membership lapsed): it must stop writing. */
        void unelected();
    }

    private static final Logger LOG = LoggerFactory.getLogger(WriterElection.class);

    private final Consumer<byte[], byte[]> consumer;
    private final TopicPartition writerPartition;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Creates the member; nothing is contacted before {@link #start()}.
     *
     * @param consumers creates the group member's consumer from the complete consumer properties (the default is
     *     {@link #kafkaConsumer}); it must honour them, above all the assignor and the member in
     *     {@link ElectionMember#CONFIG_KEY}
     */
    WriterElection(
            Map<String, Object> clientProps,
            String clientId,
            String groupId,
            TopicPartition writerPartition,
            ElectionMember member,
            Listener listener,
            Function<Map<String, Object>, Consumer<byte[], byte[]>> consumers) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(WriterAssignor.class.getName()));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        props.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_500);
        props.put(ElectionMember.CONFIG_KEY, member);
        this.consumer = consumers.apply(props);
        this.writerPartition = writerPartition;
        this.listener = listener;
        this.thread = new Thread(this::run, clientId);
        this.thread.setDaemon(true);
    }

    /** The consumer Kafka's client library makes of these properties: what the election runs on. */
    static Consumer<byte[], byte[]> kafkaConsumer(Map<String, Object> props) {
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Joins the group. */
    void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(writerPartition.topic()), new Rebalances());
            while (running) {
                try {
                    consumer.poll(Duration.ofMillis(200));
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    LOG.warn("The writer election failed; retrying: {}", e.toString());
                    sleepQuietly(500);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("The writer election stopped", e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private final class Rebalances implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.pause(consumer.assignment());
            if (partitions.contains(writerPartition)) {
                LOG.info("Elected the writer of {}", writerPartition.topic());
                listener.elected();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.contains(writerPartition)) {
                LOG.info("No longer the writer of {} (revoked)", writerPartition.topic());
                listener.unelected();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.contains(writerPartition)) {
                LOG.warn("No longer the writer of {} (membership lost)", writerPartition.topic());
                listener.unelected();
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the group, so another instance takes over at once. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (thread.isAlive()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
    }
}
