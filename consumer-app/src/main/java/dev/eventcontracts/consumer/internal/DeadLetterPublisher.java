package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records that cannot be processed to the dead-letter topic: original key and value bytes, original
 * headers, plus {@link DeadLetterHeaders} naming where the record came from and why it failed.
 *
 * <p>{@link #publish} returns only when the brokers have acknowledged every dead letter ({@code acks=all}); the
 * consumer commits the original offsets only after that, so a record is never lost between the two topics.
 * Thread-safe.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final int MAX_MESSAGE_BYTES = 2_000;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final String group;
    private final Duration ackTimeout;

    /**
     * Creates a publisher.
     *
     * @param producer an idempotent producer with {@code acks=all}; owned and closed by this publisher; never null
     * @param topic the dead-letter topic; never null
     * @param group the consumer group, for the {@link DeadLetterHeaders#CONSUMER_GROUP} header; never null
     * @param ackTimeout how long to wait for the acknowledgements; never null
     */
    public DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic, String group, Duration ackTimeout) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.group = Objects.requireNonNull(group, "group");
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    }

    /** Returns the dead-letter topic; never null. */
    public String topic() {
        return topic;
    }

    /**
     * Publishes dead letters and waits for their acknowledgement.
     *
     * @param letters the dead letters; never null, may be empty
     * @throws TransientFailureException when the dead-letter topic does not acknowledge them in time
     */
    public void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(letters.size());
        try {
            for (DeadLetter letter : letters) {
                acks.add(producer.send(toRecord(letter)));
                ConsumerRecord<byte[], byte[]> original = letter.record();
                LOG.warn(
                        "Dead-lettering {}-{}@{} to '{}': {} {}: {}",
                        original.topic(),
                        original.partition(),
                        original.offset(),
                        topic,
                        letter.reason(),
                        letter.error().getClass().getName(),
                        letter.error().getMessage());
            }
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting for the dead-letter topic", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new TransientFailureException(
                    "dead-letter topic '" + topic + "' did not acknowledge " + letters.size() + " record(s): " + e, e);
        }
    }

    ProducerRecord<byte[], byte[]> toRecord(DeadLetter letter) {
        ConsumerRecord<byte[], byte[]> original = letter.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            headers.add(header);
        }
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, original.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(original.partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(original.offset()));
        add(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, Long.toString(original.timestamp()));
        add(headers, DeadLetterHeaders.REASON, letter.reason().name());
        add(headers, DeadLetterHeaders.ERROR_CLASS, letter.error().getClass().getName());
        add(
                headers,
                DeadLetterHeaders.ERROR_MESSAGE,
                truncate(String.valueOf(letter.error().getMessage())));
        Throwable root = rootCause(letter.error());
        if (root != letter.error()) {
            add(
                    headers,
                    DeadLetterHeaders.ERROR_ROOT_CAUSE_CLASS,
                    root.getClass().getName());
        }
        add(headers, DeadLetterHeaders.CONSUMER_GROUP, group);
        return new ProducerRecord<>(topic, null, original.key(), original.value(), headers);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_BYTES ? message : message.substring(0, MAX_MESSAGE_BYTES) + "...";
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the producer, waiting up to 10 s for outstanding sends. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
