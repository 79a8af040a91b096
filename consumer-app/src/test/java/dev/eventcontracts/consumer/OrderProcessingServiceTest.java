package dev.eventcontracts.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.consumer.internal.DeadLetterPublisher;
import dev.eventcontracts.consumer.internal.Dialect;
import dev.eventcontracts.consumer.internal.EventDecoder;
import dev.eventcontracts.consumer.internal.LagMonitor;
import dev.eventcontracts.consumer.internal.Migrations;
import dev.eventcontracts.consumer.internal.ReadModelDatabase;
import dev.eventcontracts.consumer.internal.ReadModelWriter;
import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poll loop against Kafka's MockConsumer: what is applied, dead-lettered, retried and committed, and when. */
class OrderProcessingServiceTest {

    private static final String TOPIC = "order-events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Money TEN = Money.newBuilder()
            .setAmount(new BigDecimal("10.00"))
            .setCurrency("EUR")
            .build();

    private final List<ConsumerRecord<byte[], byte[]>> log = new java.util.ArrayList<>();
    /** Kafka's mock forgets records once polled; a real consumer reads them again after a seek back. */
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized void seek(TopicPartition partition, long offset) {
            super.seek(partition, offset);
            log.stream()
                    .filter(r -> r.partition() == partition.partition() && r.offset() >= offset)
                    .forEach(this::addRecord);
        }
    };

    private final MockProducer<byte[], byte[]> dlq =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final Map<String, SpecificRecord> values = new HashMap<>();
    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final AtomicInteger failingOpens = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private volatile SQLException openFailure = new SQLTransientConnectionException("database unavailable");
    /** How many values the registry fails to resolve (unreachable) before it answers again. */
    private final AtomicInteger registryFailures = new AtomicInteger();
    /** What the second poll does besides finding its records. */
    private volatile Runnable onSecondPoll = () -> {};

    private OrderProcessingService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** Values are looked up by their bytes as text; a value starting with "poison" does not decode. */
    private final Deserializer<Object> valueDeserializer = (topic, data) -> {
        String text = new String(data, StandardCharsets.UTF_8);
        if (registryFailures.getAndDecrement() > 0) {
            throw new SerializationException(
                    "Error retrieving Avro schema", new RegistryException(0, 0, "connection refused", null));
        }
        if (text.startsWith("poison")) {
            throw new SerializationException("Error deserializing Avro value: undecodable");
        }
        return values.get(text);
    };

    private void start(List<ConsumerRecord<byte[], byte[]>> records) {
        start(List.of(P0), records, List.of());
    }

    /** Starts the service on the partitions; the first poll finds {@code first}, the second {@code second}. */
    private void start(
            List<TopicPartition> partitions,
            List<ConsumerRecord<byte[], byte[]>> first,
            List<ConsumerRecord<byte[], byte[]>> second) {
        Migrations.migrate(ReadModelDatabase.of(url, "sa", ""));
        ReadModelWriter writer = new ReadModelWriter(
                () -> {
                    if (failingOpens.getAndDecrement() > 0) {
                        throw openFailure;
                    }
                    return DriverManager.getConnection(url, "sa", "");
                },
                Dialect.H2,
                Clock.systemUTC());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        service = new OrderProcessingService(
                "test",
                "g",
                consumer,
                TOPIC,
                new EventDecoder((topic, data) -> new String(data, StandardCharsets.UTF_8), valueDeserializer),
                writer,
                new DeadLetterPublisher(dlq, TOPIC + ".DLQ", "g", Duration.ofSeconds(5)),
                meters,
                new LagMonitor(meters, "g", Duration.ZERO),
                (kafka, offsets) -> {
                    commits.incrementAndGet();
                    OffsetCommitter.SYNC.commit(kafka, offsets);
                },
                () -> {});
        consumer.schedulePollTask(() -> {
            consumer.rebalance(partitions);
            Map<TopicPartition, Long> beginnings = new HashMap<>();
            partitions.forEach(partition -> beginnings.put(partition, 0L));
            consumer.updateBeginningOffsets(beginnings);
            Map<TopicPartition, Long> ends = new HashMap<>();
            java.util.stream.Stream.concat(first.stream(), second.stream())
                    .forEach(r -> ends.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
            consumer.updateEndOffsets(ends);
            log.addAll(first);
            first.forEach(consumer::addRecord);
        });
        consumer.schedulePollTask(() -> {
            onSecondPoll.run();
            log.addAll(second);
            second.forEach(consumer::addRecord);
        });
        service.startThread();
    }

    private ConsumerRecord<byte[], byte[]> record(long offset, String orderId, SpecificRecord event) {
        return record(P0, offset, orderId, event);
    }

    private ConsumerRecord<byte[], byte[]> record(
            TopicPartition partition, long offset, String orderId, SpecificRecord event) {
        String key = "v" + partition.partition() + "-" + offset;
        values.put(key, event);
        return new ConsumerRecord<>(
                TOPIC,
                partition.partition(),
                offset,
                orderId.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<byte[], byte[]> poison(long offset, String orderId) {
        return new ConsumerRecord<>(
                TOPIC,
                0,
                offset,
                orderId.getBytes(StandardCharsets.UTF_8),
                ("poison" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static OrderCreated created(String orderId) {
        return OrderCreated.newBuilder()
                .setEventId("c-" + orderId)
                .setOrderId(orderId)
                .setCustomerId("c")
                .setItems(List.of(LineItem.newBuilder()
                        .setProductId("p")
                        .setQuantity(1)
                        .setUnitPrice(TEN)
                        .build()))
                .setTotal(TEN)
                .setCreatedAt(Instant.EPOCH)
                .build();
    }

    private static OrderStatusChanged paid(String orderId) {
        return OrderStatusChanged.newBuilder()
                .setEventId("p-" + orderId)
                .setOrderId(orderId)
                .setPreviousStatus(OrderStatus.CREATED)
                .setStatus(OrderStatus.PAID)
                .setChangedAt(Instant.EPOCH)
                .build();
    }

    private long committed() {
        return committed(P0);
    }

    private long committed(TopicPartition partition) {
        OffsetAndMetadata offset = consumer.committed(Set.of(partition)).get(partition);
        return offset == null ? -1 : offset.offset();
    }

    @Test
    void batchWithPoisonInTheMiddle_appliesTheRest_deadLettersThePoison_thenCommitsPastAll() throws Exception {
        start(List.of(record(0, "o1", created("o1")), poison(1, "o1"), record(2, "o1", paid("o1"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> committed() == 3);

        assertThat(dlq.history())
                .singleElement()
                .satisfies(letter -> assertThat(new String(
                                letter.headers()
                                        .lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET)
                                        .value(),
                                StandardCharsets.UTF_8))
                        .isEqualTo("1"));
        assertThat(new OrderReadModel(url, "sa", "").order("o1").orElseThrow().status())
                .isEqualTo("PAID");
        assertThat(service.stats()).isEqualTo(new ProcessingStats(2, 0, 1, 1, 0));
    }

    @Test
    void databaseDownForAWhile_batchIsRetriedUntilItIsUp_nothingSkippedOrCommittedEarly() throws Exception {
        failingOpens.set(3);
        start(List.of(record(0, "o1", created("o1")), record(1, "o2", created("o2"))));

        await().atMost(Duration.ofSeconds(15)).until(() -> committed() == 2);

        assertThat(service.stats().retries()).isEqualTo(3);
        assertThat(service.stats().applied()).isEqualTo(2);
        assertThat(new OrderReadModel(url, "sa", "").totals().orders()).isEqualTo(2);
        assertThat(dlq.history()).isEmpty();
    }

    @Test
    void batchRolledBackWhileTheNextWasPolled_bothAreReadAgain_nothingSkipped() throws Exception {
        failingOpens.set(1); // the first batch finds the database down; the second is polled while it is written
        start(
                List.of(P0, P1),
                List.of(record(P0, 0, "o1", created("o1")), record(P0, 1, "o1", paid("o1"))),
                List.of(record(P1, 0, "o2", created("o2")), record(P1, 1, "o2", paid("o2"))));

        await().atMost(Duration.ofSeconds(15)).until(() -> committed(P0) == 2 && committed(P1) == 2);

        assertThat(service.stats().retries()).isEqualTo(1);
        assertThat(service.stats().applied()).isEqualTo(4);
        OrderReadModel model = new OrderReadModel(url, "sa", "");
        assertThat(model.order("o1").orElseThrow().status()).isEqualTo("PAID");
        assertThat(model.order("o2").orElseThrow().status()).isEqualTo("PAID");
    }

    @Test
    void databaseDown_theLagCountsEveryRecordRolledBack() {
        failingOpens.set(Integer.MAX_VALUE);
        start(
                List.of(P0, P1),
                List.of(record(P0, 0, "o1", created("o1")), record(P0, 1, "o1", paid("o1"))),
                List.of(record(P1, 0, "o2", created("o2")), record(P1, 1, "o2", paid("o2"))));

        // both batches were polled (the consumer's position is at the end) and rolled back: 4 records wait
        await().atMost(Duration.ofSeconds(15))
                .until(() -> service.stats().retries() > 0 && service.lag().equals(Map.of(P0, 2L, P1, 2L)));

        assertThat(service.stats().applied()).isZero();
        assertThat(commits).hasValue(0);
    }

    @Test
    void registryDownWhenTheNextBatchIsDecoded_theBatchBeingWrittenIsCommitted_theNextIsReadAgain() throws Exception {
        onSecondPoll = () -> registryFailures.set(1);
        start(
                List.of(P0, P1),
                List.of(record(P0, 0, "o1", created("o1")), record(P0, 1, "o1", paid("o1"))),
                List.of(record(P1, 0, "o2", created("o2")), record(P1, 1, "o2", paid("o2"))));

        await().atMost(Duration.ofSeconds(15)).until(() -> committed(P0) == 2 && committed(P1) == 2);

        assertThat(service.failure()).isEmpty();
        assertThat(service.stats().retries()).isEqualTo(1);
        assertThat(service.stats().applied()).isEqualTo(4);
        assertThat(new OrderReadModel(url, "sa", "").order("o2").orElseThrow().status())
                .isEqualTo("PAID");
        assertThat(dlq.history()).isEmpty();
    }

    @Test
    void passwordRefusedWhileRunning_isRetriedAFewTimes_thenStopsWithTheFixAndCommitsNothing() {
        openFailure = new SQLException("FATAL: password authentication failed for user \"orders\"", "28P01");
        failingOpens.set(Integer.MAX_VALUE);
        start(List.of(record(0, "o1", created("o1"))));

        await().atMost(Duration.ofSeconds(20)).until(() -> !service.isRunning());

        assertThat(service.failure())
                .containsInstanceOf(ServiceConfigurationException.class)
                .get()
                .asString()
                .contains("password authentication failed", "--jdbc-password");
        assertThat(service.stats().retries()).isEqualTo(OrderProcessingService.CONFIGURATION_ATTEMPTS - 1);
        assertThat(commits).as("offsets untouched").hasValue(0);
        assertThat(dlq.history()).isEmpty();
    }

    @Test
    void configurationErrorThatGoesAway_isRetried_andTheBatchIsApplied() {
        openFailure = new SQLException("ERROR: permission denied for table orders", "42501");
        failingOpens.set(2);
        start(List.of(record(0, "o1", created("o1"))));

        await().atMost(Duration.ofSeconds(15)).until(() -> committed() == 1);

        assertThat(service.failure()).isEmpty();
        assertThat(service.stats().applied()).isEqualTo(1);
    }

    @Test
    void close_stopsThePollThreadAndClosesTheConsumer() {
        start(List.of(record(0, "o1", created("o1"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> committed() == 1);

        service.close();

        assertThat(service.isRunning()).isFalse();
        assertThat(consumer.closed()).isTrue();
        assertThat(service.failure()).isEmpty();
    }
}
