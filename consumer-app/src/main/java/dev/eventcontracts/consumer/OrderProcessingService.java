package dev.eventcontracts.consumer;

import dev.eventcontracts.consumer.internal.DeadLetter;
import dev.eventcontracts.consumer.internal.DeadLetterPublisher;
import dev.eventcontracts.consumer.internal.EventDecoder;
import dev.eventcontracts.consumer.internal.LagMonitor;
import dev.eventcontracts.consumer.internal.PoisonEventException;
import dev.eventcontracts.consumer.internal.ReadModelWriter;
import dev.eventcontracts.consumer.internal.TransientFailureException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order-processing service: one member of a consumer group that keeps the order read model.
 *
 * <p>Per poll: decode every record (poison goes to the dead-letter topic with its cause), apply the rest to the
 * read model in one transaction that also records each event id (a redelivered event changes nothing), publish
 * the dead letters and wait for their acknowledgement, commit the transaction, then commit the offsets
 * (asynchronously by default, see {@link OffsetCommitter}; synchronously when partitions are revoked). A crash
 * anywhere in between leads to redelivery, never to loss; redelivery leads to no change. A transient failure
 * (database, registry or dead-letter topic unavailable) rolls the batch back, rewinds the partitions and retries
 * with exponential backoff (200 ms to 10 s) without skipping anything; polling continues, so the member stays
 * in the group. A configuration error met while running — the database refuses the credentials or a privilege,
 * the registry the credentials — is retried the same way {@value #CONFIGURATION_ATTEMPTS} times (a password
 * rotation may be under way), then the service stops with it as its {@link #failure()}, offsets not committed.
 *
 * <p>Two threads, one batch ahead: the poll thread owns the Kafka consumer (poll, decode, offset commits,
 * rebalances); a writer thread applies one batch at a time to the read model. While the writer applies batch
 * <i>n</i>, the poll thread polls and decodes batch <i>n</i>+1; it hands that over only once batch <i>n</i> is
 * committed to the database, and commits offsets only of batches the database has committed. When batch
 * <i>n</i> fails, both are rolled back to the first offset of each of their partitions and read again. A
 * rebalance waits for the batch in the writer before partitions move. Why: polling, decoding and committing
 * offsets were 8-13% of the poll thread's time on H2 and more on PostgreSQL, where the database answers over the
 * network ({@code ReadModelThroughputHarness}), time in which the database had nothing to do.
 *
 * <p>{@link #close()} (also on SIGTERM, through {@link ConsumerCommand}) finishes the current batch, commits,
 * leaves the group so its partitions move to the other members at once, and releases everything. Create one
 * with {@link OrderProcessingServices#start}. Thread-safe; the Kafka consumer runs on the service's own thread.
 *
 * @since 0.1.0
 */
public final class OrderProcessingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderProcessingService.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 10_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** How often a configuration error (a password changed, a privilege revoked) is retried before stopping. */
    static final int CONFIGURATION_ATTEMPTS = 5;
    /** The gauge of assigned partitions; Prometheus shows it as {@code order_processing_assigned_partitions}. */
    public static final String ASSIGNED_PARTITIONS = "order.processing.assigned.partitions";

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final EventDecoder decoder;
    private final ReadModelWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final LagMonitor lag;
    private final OffsetCommitter committer;
    private final AutoCloseable resources;
    private final Thread thread;
    /** Applies one batch at a time to the read model, while the poll thread reads the next. */
    private final ExecutorService writerThread;

    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Counter appliedCounter;
    private final Counter duplicateCounter;
    private final Counter deadLetterCounter;
    private final Counter retryCounter;
    /** The next offset of each owned partition after its last processed batch; the poll thread's only. */
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    /** The batch the writer thread works on, if any; the poll thread's only. */
    private InFlight inFlight;
    /** The batch last committed to the database whose offsets are still to be committed; the poll thread's only. */
    private Settled settled;
    /** The batch the writer rolled back, with the failure, until the poll loop rewinds it; the poll thread's only. */
    private Failed failed;

    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile boolean running = true;
    private volatile Throwable failure;

    OrderProcessingService(
            String name,
            String group,
            Consumer<byte[], byte[]> consumer,
            String topic,
            EventDecoder decoder,
            ReadModelWriter writer,
            DeadLetterPublisher deadLetters,
            MeterRegistry meters,
            LagMonitor lag,
            OffsetCommitter committer,
            AutoCloseable resources) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.lag = Objects.requireNonNull(lag, "lag");
        this.committer = Objects.requireNonNull(committer, "committer");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.appliedCounter = counter(meters, "applied");
        this.duplicateCounter = counter(meters, "duplicate");
        this.deadLetterCounter = counter(meters, "dead_lettered");
        this.retryCounter = Counter.builder("order.processing.retries")
                .description("Batches rolled back and retried after a transient failure")
                .register(meters);
        this.thread = new Thread(this::run, name);
        this.writerThread = Executors.newSingleThreadExecutor(task -> {
            Thread applier = new Thread(task, name + "-writer");
            applier.setDaemon(true);
            return applier;
        });
        Gauge.builder(ASSIGNED_PARTITIONS, this, service -> service.assignment.size())
                .description("Partitions of the order topic assigned to this member")
                .tag("group", group)
                .register(meters);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("order.events.handled")
                .description("Order event records handled, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Starts the poll thread; called once by the factory. */
    void startThread() {
        thread.start();
    }

    /** Returns the partitions currently assigned to this member; never null. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    /** Returns the counts so far; never null. */
    public ProcessingStats stats() {
        return new ProcessingStats(applied.get(), duplicates.get(), deadLettered.get(), batches.get(), retries.get());
    }

    /** Returns the last known lag of each assigned partition; never null. */
    public Map<TopicPartition, Long> lag() {
        return lag.current();
    }

    /** Returns whether the poll thread is still running. */
    public boolean isRunning() {
        return terminated.getCount() > 0;
    }

    /** Returns what stopped the service unexpectedly, if anything did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Stops gracefully: finishes and commits the current batch, leaves the group, releases everything; waits
     * up to 30 s. Idempotent.
     */
    @Override
    public void close() {
        running = false;
        stopSignal.countDown();
        consumer.wakeup();
        try {
            if (!terminated.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Order processing thread {} did not stop within {}", thread.getName(), CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalances());
            long backoff = FIRST_BACKOFF_MS;
            int configurationFailures = 0;
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    // with a batch in the writer, take what has been fetched meanwhile and go on at once
                    records = consumer.poll(inFlight == null ? POLL_TIMEOUT : Duration.ZERO);
                } catch (WakeupException e) {
                    continue;
                }
                try {
                    lag.update(consumer);
                } catch (WakeupException e) {
                    continue;
                }
                Batch next = null;
                RuntimeException undecoded = null;
                if (!records.isEmpty()) {
                    try {
                        next = decode(records);
                    } catch (TransientFailureException | ServiceConfigurationException e) {
                        undecoded = e; // the registry is down or refuses us: read these records again
                    }
                }
                settle();
                if (settled != null) {
                    Settled done = settled;
                    settled = null;
                    finish(done);
                    backoff = FIRST_BACKOFF_MS;
                    configurationFailures = 0;
                }
                Failed retry = failed != null ? failed : undecoded != null ? new Failed(records, undecoded) : null;
                failed = null;
                if (retry != null) {
                    RuntimeException e = retry.cause();
                    rewind(retry.records(), records);
                    try {
                        lag.update(consumer); // the lag of the rewound positions: what waits to be applied
                    } catch (WakeupException woken) {
                        continue;
                    }
                    if (e instanceof ServiceConfigurationException) {
                        configurationFailures++;
                        if (configurationFailures >= CONFIGURATION_ATTEMPTS) {
                            // stop without committing: the batch stays for whoever runs with a working configuration
                            throw e;
                        }
                        LOG.warn(
                                "Batch of {} record(s) rolled back after a configuration error (attempt {} of {}), "
                                        + "retrying in {} ms: {}",
                                retry.records().count(),
                                configurationFailures,
                                CONFIGURATION_ATTEMPTS,
                                backoff,
                                e.getMessage());
                    } else {
                        LOG.warn(
                                "Batch of {} record(s) rolled back, retrying in {} ms: {}",
                                retry.records().count(),
                                backoff,
                                e.getMessage());
                    }
                    retries.incrementAndGet();
                    retryCounter.increment();
                    stopSignal.await(backoff, TimeUnit.MILLISECONDS);
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                    continue;
                }
                if (next != null) {
                    inFlight = submit(next);
                }
            }
        } catch (ServiceConfigurationException e) {
            failure = e;
            LOG.error(
                    "Order processing stopped after {} attempts, offsets not committed: {}",
                    CONFIGURATION_ATTEMPTS,
                    e.getMessage());
        } catch (Throwable t) {
            failure = t;
            LOG.error("Order processing stopped by an unexpected failure; uncommitted records will be redelivered", t);
        } finally {
            shutDown();
        }
    }

    /** A polled batch, decoded on the poll thread. */
    private record Batch(
            ConsumerRecords<byte[], byte[]> records,
            List<ReadModelWriter.Decoded> decoded,
            List<DeadLetter> poison,
            Map<TopicPartition, OffsetAndMetadata> next) {}

    /** A batch handed to the writer thread, and what the writer answers. */
    private record InFlight(Batch batch, List<DeadLetter> published, Future<ReadModelWriter.BatchResult> result) {}

    /** A batch the database committed. */
    private record Settled(Batch batch, List<DeadLetter> published, ReadModelWriter.BatchResult result) {}

    /** Records to read again: a batch the writer rolled back, or records the registry did not let us decode. */
    private record Failed(ConsumerRecords<byte[], byte[]> records, RuntimeException cause) {}

    private Batch decode(ConsumerRecords<byte[], byte[]> records) {
        List<ReadModelWriter.Decoded> decoded = new ArrayList<>(records.count());
        List<DeadLetter> poison = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                decoded.add(new ReadModelWriter.Decoded(record, decoder.decode(record)));
            } catch (PoisonEventException e) {
                poison.add(DeadLetter.of(record, e));
            }
        }
        return new Batch(records, decoded, poison, nextOffsets(records));
    }

    /** Hands a batch to the writer thread: applied, dead letters published, committed to the database. */
    private InFlight submit(Batch batch) {
        List<DeadLetter> published = new ArrayList<>();
        Map<TopicPartition, Long> positions = new HashMap<>();
        batch.next().forEach((partition, offset) -> positions.put(partition, offset.offset()));
        Future<ReadModelWriter.BatchResult> result =
                writerThread.submit(() -> writer.apply(batch.decoded(), positions, rejected -> {
                    published.addAll(batch.poison());
                    published.addAll(rejected);
                    deadLetters.publish(published);
                }));
        return new InFlight(batch, published, result);
    }

    /**
     * Waits for the batch in the writer, if any. Committed to the database: its offsets count as processed (a
     * rebalance commits them), the rest of {@link #finish} follows in the poll loop. Rolled back: kept as
     * {@link #failed} for the poll loop to rewind and retry. Called by the poll loop, by the rebalance listener
     * before partitions move, and before stopping.
     */
    private void settle() {
        if (inFlight == null) {
            return;
        }
        InFlight batch = inFlight;
        inFlight = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    ReadModelWriter.BatchResult result = batch.result().get();
                    processed.putAll(batch.batch().next());
                    settled = new Settled(batch.batch(), batch.published(), result);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the writer finishes its transaction either way: wait for it
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TransientFailureException
                            || e.getCause() instanceof ServiceConfigurationException) {
                        failed = new Failed(batch.batch().records(), (RuntimeException) e.getCause());
                        return;
                    }
                    throw new IllegalStateException("applying a batch to the read model failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Commits the offsets of a batch the database committed (those of partitions still owned), then counts it. */
    private void finish(Settled batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        batch.batch().next().forEach((partition, offset) -> {
            if (offset.equals(processed.get(partition))) {
                offsets.put(partition, offset);
            }
        });
        if (!offsets.isEmpty()) {
            commit(offsets);
        }
        count(batch);
    }

    private void count(Settled batch) {
        ReadModelWriter.BatchResult result = batch.result();
        int published = batch.published().size();
        batches.incrementAndGet();
        applied.addAndGet(result.applied());
        duplicates.addAndGet(result.duplicates());
        deadLettered.addAndGet(published);
        appliedCounter.increment(result.applied());
        duplicateCounter.increment(result.duplicates());
        deadLetterCounter.increment(published);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            offsets.put(
                    partition,
                    new OffsetAndMetadata(
                            inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            committer.commit(consumer, offsets);
        } catch (WakeupException e) {
            // close() woke us during the commit: the batch is processed, so commit it before stopping
            committer.commit(consumer, offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // the partitions moved on; their next owner gets these records again and skips them as duplicates
            LOG.warn("Offsets {} not committed, the group rebalanced: {}", offsets, e.getMessage());
        }
    }

    /**
     * Seeks each partition of the records to read again, and of the records polled after them, back to its first
     * record in them, so that all are read again; partitions no longer owned are their new owner's to read.
     */
    private void rewind(ConsumerRecords<byte[], byte[]> again, ConsumerRecords<byte[], byte[]> polledAfter) {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, Long> firsts = new HashMap<>();
        for (ConsumerRecords<byte[], byte[]> records : List.of(again, polledAfter)) {
            for (TopicPartition partition : records.partitions()) {
                firsts.putIfAbsent(partition, records.records(partition).get(0).offset());
            }
        }
        firsts.forEach((partition, offset) -> {
            if (owned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /** Commits synchronously what was processed of the given partitions: before they move, and before stopping. */
    private void commitProcessed(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = processed.remove(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException e) {
                consumer.commitSync(offsets); // close() woke the consumer; the wakeup is spent
            }
        } catch (RuntimeException e) {
            // their events will be delivered again and skipped as duplicates
            LOG.warn("Offsets {} not committed: {}", offsets, e.toString());
        }
    }

    private void shutDown() {
        try {
            settle(); // the batch in the writer, if any, ends before anything is committed or closed
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        writerThread.shutdown();
        failed = null; // rolled back: delivered again
        if (failure == null) {
            if (settled != null) {
                count(settled); // its offsets are committed now with the others
                settled = null;
            }
            commitProcessed(List.copyOf(processed.keySet()));
        } else {
            // a service stopped by a failure commits nothing more, not even when close() revokes its partitions:
            // what it did not commit is delivered again (and skipped as duplicates where it was applied)
            processed.clear();
        }
        try {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        } catch (RuntimeException e) {
            LOG.warn("Closing the consumer failed: {}", e.toString());
        }
        closeQuietly(writer);
        closeQuietly(deadLetters);
        closeQuietly(resources);
        assignment = Set.of();
        LOG.info("Order processing stopped: {}", stats());
        terminated.countDown();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }

    private final class Rebalances implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // the batch in the writer ends first; every processed batch was committed asynchronously: wait for the
            // last one so the next owner starts where this member stopped
            settle();
            commitProcessed(partitions);
            lag.remove(partitions);
            assignment = Set.copyOf(consumer.assignment().stream()
                    .filter(p -> !partitions.contains(p))
                    .toList());
            if (!partitions.isEmpty()) {
                LOG.info("Partitions revoked from {}: {}", thread.getName(), partitions);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment = Set.copyOf(consumer.assignment());
            if (!partitions.isEmpty()) {
                LOG.info("Partitions assigned to {}: {} (now {})", thread.getName(), partitions, assignment);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            settle();
            partitions.forEach(processed::remove); // no longer ours to commit
            lag.remove(partitions);
            assignment = Set.copyOf(consumer.assignment().stream()
                    .filter(p -> !partitions.contains(p))
                    .toList());
            LOG.warn("Partitions lost by {}: {}", thread.getName(), partitions);
        }
    }
}
