package dev.eventcontracts.producer;

import dev.eventcontracts.contracts.TopicContract;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends order events to their topic: keyed by the contract's key field (the order id), with CloudEvents headers,
 * in the configured contract version, through an idempotent Kafka producer ({@code acks=all}).
 *
 * <p>Sends are asynchronous; a callback counts every acknowledgement and logs and counts every failure.
 * {@link #close()} flushes, so every sent event is acknowledged or counted as failed before it returns.
 * Create one with {@link OrderEventProducers#start(ProducerSettings)}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class OrderEventProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventProducer.class);
    private static final int FAILURES_LOGGED_IN_FULL = 10;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<Object, Object> producer;
    private final TopicContract topic;
    private final Function<SpecificRecord, Object> encoding;
    private final String source;
    private final int contractVersion;
    private final Clock clock;
    private final Runnable onClose;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();
    private final AtomicLong firstSendMillis = new AtomicLong(-1);
    private final AtomicLong lastAckMillis = new AtomicLong(-1);
    private volatile boolean closed;

    OrderEventProducer(
            Producer<Object, Object> producer,
            TopicContract topic,
            Function<SpecificRecord, Object> encoding,
            String source,
            int contractVersion,
            Clock clock,
            Runnable onClose) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.source = Objects.requireNonNull(source, "source");
        this.contractVersion = contractVersion;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** Returns the topic events are sent to; never null. */
    public TopicContract topic() {
        return topic;
    }

    /**
     * Sends one event asynchronously.
     *
     * @param event an event of the current contracts; it is converted to the configured contract version;
     *     never null
     * @throws KafkaException when the event cannot even be handed to the producer (serialization against the
     *     registry failed, metadata timed out, the producer is closed); it is counted as failed
     */
    public void send(SpecificRecord event) {
        GenericRecord record = (GenericRecord) Objects.requireNonNull(event, "event");
        String orderId = String.valueOf(record.get(topic.key().field()));
        String eventId = String.valueOf(record.get("eventId"));
        String type = event.getSchema().getName();
        ProducerRecord<Object, Object> message = new ProducerRecord<>(
                topic.name(),
                null,
                orderId,
                encoding.apply(event),
                CloudEventHeaders.of(record, eventId, orderId, source));
        firstSendMillis.compareAndSet(-1, clock.millis());
        try {
            producer.send(message, new Acknowledgement(type, eventId, orderId));
            sent.incrementAndGet();
        } catch (KafkaException e) {
            failed.incrementAndGet();
            LOG.error(
                    "Could not send {} {} for order {} to '{}': {}",
                    type,
                    eventId,
                    orderId,
                    topic.name(),
                    e.toString());
            throw e;
        }
    }

    /**
     * Sends {@code count} generated events, at most {@code ratePerSecond} per second, stopping early when asked.
     * Then flushes, so that the summary counts every acknowledgement.
     *
     * @param generator where the events come from; never null
     * @param count how many events to send
     * @param ratePerSecond the maximum send rate; {@code 0} or less for as fast as possible
     * @param stop polled before every send; {@code true} ends the run early; never null
     * @return the counts of this producer so far; never null
     * @throws KafkaException when an event cannot be handed to the producer (see {@link #send})
     */
    public ProduceSummary produce(
            OrderLifecycleGenerator generator, long count, double ratePerSecond, BooleanSupplier stop) {
        long intervalNanos = ratePerSecond > 0 ? (long) (1_000_000_000L / ratePerSecond) : 0;
        long start = System.nanoTime();
        for (long i = 0; i < count && !stop.getAsBoolean(); i++) {
            if (intervalNanos > 0) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            send(generator.next());
        }
        producer.flush();
        return summary();
    }

    /** Blocks until every event sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /**
     * Returns the counts so far.
     *
     * @return a snapshot; never null
     */
    public ProduceSummary summary() {
        Map<String, Long> types = new ConcurrentHashMap<>();
        byType.forEach((type, adder) -> types.put(type, adder.sum()));
        long first = firstSendMillis.get();
        long last = lastAckMillis.get();
        Duration elapsed = first < 0 || last < first ? Duration.ZERO : Duration.ofMillis(last - first);
        return new ProduceSummary(contractVersion, sent.get(), acknowledged.get(), failed.get(), types, elapsed);
    }

    /** Flushes and closes the Kafka producer, waiting up to 30 s for outstanding sends; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            producer.flush();
        } finally {
            try {
                producer.close(CLOSE_TIMEOUT);
            } finally {
                onClose.run();
            }
        }
        LOG.info("Order event producer closed: {}", summary());
    }

    private final class Acknowledgement implements Callback {
        private final String type;
        private final String eventId;
        private final String orderId;

        Acknowledgement(String type, String eventId, String orderId) {
            this.type = type;
            this.eventId = eventId;
            this.orderId = orderId;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                acknowledged.incrementAndGet();
                byType.computeIfAbsent(type, t -> new LongAdder()).increment();
                lastAckMillis.accumulateAndGet(clock.millis(), Math::max);
                return;
            }
            long failures = failed.incrementAndGet();
            if (failures <= FAILURES_LOGGED_IN_FULL) {
                LOG.error("Send of {} {} for order {} to '{}' failed", type, eventId, orderId, topic.name(), exception);
            } else if (failures % 1000 == 0) {
                LOG.error(
                        "{} sends to '{}' failed so far; latest: {} {} for order {}: {}",
                        failures,
                        topic.name(),
                        type,
                        eventId,
                        orderId,
                        exception.toString());
            }
        }
    }
}
