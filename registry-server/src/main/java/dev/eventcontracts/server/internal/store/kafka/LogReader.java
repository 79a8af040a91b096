package dev.eventcontracts.server.internal.store.kafka;

import dev.eventcontracts.server.internal.store.RecordApplier;
import dev.eventcontracts.server.internal.store.RecordCodec;
import dev.eventcontracts.server.internal.store.RecordFormatException;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.RegistryValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that reads the store topic from the beginning (read_committed, so only committed writes) and
 * applies every record, in order, to the registry's state. It publishes how far it got in {@link AppliedOffsets}.
 *
 * <p>A record this registry cannot decode (a Confluent key type it does not serve, such as CONTEXT) is logged and
 * skipped; a record the applier fails on is logged and skipped too, so one bad record never stops an instance.
 */
final class LogReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final RecordCodec codec;
    private final RecordApplier applier;
    private final AppliedOffsets applied;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile long lag;

    LogReader(
            Map<String, Object> clientProps,
            String clientId,
            TopicPartition partition,
            RecordCodec codec,
            RecordApplier applier,
            AppliedOffsets applied) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partition = partition;
        this.codec = codec;
        this.applier = applier;
        this.applied = applied;
        this.thread = new Thread(this::run, clientId);
        this.thread.setDaemon(true);
    }

    /** Starts reading from the beginning of the topic. */
    void start() {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        started = true;
        thread.start();
    }

    /** Records written but not yet applied, as of the last fetch. */
    long lag() {
        return lag;
    }

    private void run() {
        try {
            while (running) {
                try {
                    readOnce();
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    // the broker may be unreachable for a while: keep the instance following the topic
                    LOG.warn("Reading the store topic {} failed; retrying: {}", partition.topic(), e.toString());
                    sleepQuietly(500);
                }
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
    }

    private void readOnce() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], byte[]> record : records) {
            apply(record);
            applied.advance(record.offset() + 1);
        }
        // the position also moves past transaction markers and aborted records, which carry no record
        applied.advance(consumer.position(partition));
        OptionalLong currentLag = consumer.currentLag(partition);
        if (currentLag.isPresent()) {
            lag = currentLag.getAsLong();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        RegistryKey key;
        RegistryValue value;
        try {
            key = codec.decodeKey(record.key());
            value = codec.decodeValue(key, record.value());
        } catch (RecordFormatException e) {
            LOG.warn("Skipping record at offset {} of {}: {}", record.offset(), partition, e.getMessage());
            return;
        }
        try {
            applier.apply(key, value);
        } catch (RuntimeException e) {
            LOG.error(
                    "Applying record at offset {} of {} ({}) failed; skipping it", record.offset(), partition, key, e);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (!started) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
