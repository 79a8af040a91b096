package dev.eventcontracts.server.internal.store.kafka;

import dev.eventcontracts.server.internal.store.NotWriterException;
import dev.eventcontracts.server.internal.store.RecordApplier;
import dev.eventcontracts.server.internal.store.RecordCodec;
import dev.eventcontracts.server.internal.store.RecordLog;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.RegistryValue;
import dev.eventcontracts.server.internal.store.StoreException;
import dev.eventcontracts.server.internal.store.WriteGuard;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state in a Kafka topic, in Confluent's record format, shared by any number of instances.
 *
 * <p>Each instance replays the topic into its own state (read_committed) and keeps following it. One instance,
 * elected in the group {@code schema.registry.group.id} ({@link WriterElection}), is the writer. When it is
 * elected it calls {@code initTransactions()} with the store's shared {@code transactional.id}, which fences any
 * previous writer and settles the transaction it may have left open, then reads to the end of the log before it
 * accepts a write. Each write is one committed transaction and is acknowledged only after this instance applied
 * it. Before each write the {@link WriteGuard} checks it against everything applied, so ids stay unique even if
 * the caller computed the write from stale state. Hence: a schema id never names two schemas, and an
 * acknowledged write is committed with {@code acks=all} and is never rolled back.
 *
 * <p>Threads: one reader, one election member, one writer (all appends run on it, in order).
 */
public final class KafkaRecordLog implements RecordLog {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRecordLog.class);

    private final KafkaStoreConfig config;
    private final String advertisedUrl;
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private final TopicPartition partition;
    private final Map<String, Object> clientProps;
    private final RecordCodec codec = new RecordCodec();
    private final WriteGuard guard = new WriteGuard();
    private final AppliedOffsets applied = new AppliedOffsets();
    private final ExecutorService writerThread;
    private final CountDownLatch firstOutcome = new CountDownLatch(1);
    private final Object state = new Object();
    private final Function<Map<String, Object>, Consumer<byte[], byte[]>> electionConsumers;

    // guarded by state, which is notified whenever the writer changes (see awaitWriter)
    private long electionEpoch;
    private volatile boolean writer;
    private volatile boolean selfElected;
    private volatile boolean closed;
    private volatile Optional<String> otherWriterUrl = Optional.empty();

    private Admin admin;
    private LogReader reader;
    private WriterElection election;

    // confined to the writer thread
    private TransactionalWriter producer;
    private long writtenEnd;

    /**
     * A log on the configured store topic; nothing is contacted before {@link #start}.
     *
     * @param config the store settings; not null
     * @param advertisedUrl the URL other instances forward writes to when this one is the writer; not null
     */
    public KafkaRecordLog(KafkaStoreConfig config, String advertisedUrl) {
        this(config, advertisedUrl, WriterElection::kafkaConsumer);
    }

    /**
     * A log whose writer election runs on the consumer {@code electionConsumers} creates.
     *
     * @param config the store settings; not null
     * @param advertisedUrl the URL other instances forward writes to when this one is the writer; not null
     * @param electionConsumers creates the election group member's consumer from its complete properties; not null
     */
    KafkaRecordLog(
            KafkaStoreConfig config,
            String advertisedUrl,
            Function<Map<String, Object>, Consumer<byte[], byte[]>> electionConsumers) {
        this.config = Objects.requireNonNull(config, "config");
        this.electionConsumers = Objects.requireNonNull(electionConsumers, "electionConsumers");
        this.advertisedUrl = Objects.requireNonNull(advertisedUrl, "advertisedUrl");
        this.partition = new TopicPartition(config.topic(), 0);
        this.clientProps = config.clientProps();
        this.writerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, clientId("writer"));
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(RecordApplier applier) {
        Objects.requireNonNull(applier, "applier");
        long startNanos = System.nanoTime();
        long deadline = startNanos + TimeUnit.MILLISECONDS.toNanos(config.initTimeoutMs());
        Map<String, Object> adminProps = new HashMap<>(clientProps);
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId("admin"));
        admin = Admin.create(adminProps);
        new StoreTopic(admin, config.topic(), config.topicReplicationFactor()).ensure(config.initTimeoutMs());

        election = new WriterElection(
                clientProps,
                clientId("election"),
                config.groupId(),
                partition,
                new Member(),
                new ElectionEvents(),
                electionConsumers);
        election.start();

        long end = endOffset(remainingMs(deadline));
        reader = new LogReader(
                clientProps,
                clientId("reader"),
                partition,
                codec,
                (key, value) -> {
                    guard.applied(key, value);
                    applier.apply(key, value);
                },
                applied);
        reader.start();
        await(
                applied.await(end),
                remainingMs(deadline),
                "replay the store topic '" + config.topic() + "' up to " + "offset " + end
                        + " (kafkastore.init.timeout.ms)");
        LOG.info(
                "Replayed the store topic '{}' up to offset {} in {} ms",
                config.topic(),
                end,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        awaitElection(deadline);
    }

    /** Waits for the first election outcome, and for the writer role if this instance got it. */
    private void awaitElection(long deadline) {
        try {
            if (!firstOutcome.await(remainingMs(deadline), TimeUnit.MILLISECONDS)) {
                LOG.warn("No writer election outcome yet; writes are refused until there is one");
                return;
            }
            while (selfElected && !writer && !closed && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(
                "Store ready: {}",
                writer ? "this instance is the writer" : "the writer is " + otherWriterUrl.orElse("not known yet"));
    }

    @Override
    public CompletableFuture<Void> append(RegistryKey key, RegistryValue valueOrNull) {
        Objects.requireNonNull(key, "key");
        long epoch;
        synchronized (state) {
            if (closed || !writer) {
                return CompletableFuture.failedFuture(notWriter());
            }
            epoch = electionEpoch;
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            byte[] keyBytes = codec.encodeKey(key);
            byte[] valueBytes = codec.encodeValue(valueOrNull);
            writerThread.execute(() -> write(epoch, key, valueOrNull, keyBytes, valueBytes, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new NotWriterException("the store is closed"));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** One append, on the writer thread. */
    private void write(
            long epoch,
            RegistryKey key,
            RegistryValue value,
            byte[] keyBytes,
            byte[] valueBytes,
            CompletableFuture<Void> result) {
        try {
            synchronized (state) {
                if (closed || !writer || electionEpoch != epoch || producer == null) {
                    throw notWriter();
                }
            }
            await(applied.await(writtenEnd), config.timeoutMs(), "apply this instance's previous writes");
            guard.check(key, value);
            long offset;
            try {
                offset = producer.append(keyBytes, valueBytes);
            } catch (KafkaException e) {
                throw writeFailed(epoch, e);
            } catch (IllegalStateException e) {
                // the producer refuses to go on (e.g. after a timed-out commit): replace it like after a failure
                throw writeFailed(epoch, new KafkaException(e));
            }
            writtenEnd = Math.max(writtenEnd, offset + 1);
            await(
                    applied.await(offset + 1),
                    config.timeoutMs(),
                    "apply the write committed at offset " + offset + " of '" + config.topic() + "'");
            result.complete(null);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /**
     * After a failed transaction the outcome may be unknown: this instance stops writing and, if the group still
     * names it, re-registers as the writer (which settles that transaction) and reads to the end before writing
     * again. A fenced writer just stops: another instance has taken over.
     */
    private StoreException writeFailed(long epoch, KafkaException cause) {
        closeProducer();
        boolean fenced = cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException;
        long next;
        synchronized (state) {
            if (electionEpoch != epoch) {
                return new NotWriterException("this instance stopped being the writer during the write", cause);
            }
            writer = false;
            next = ++electionEpoch;
            state.notifyAll();
        }
        if (fenced) {
            LOG.warn("Fenced: another instance has become the writer of '{}'", config.topic());
            return new NotWriterException("another instance has become the writer; the write was not applied", cause);
        }
        LOG.warn(
                "A write to '{}' failed, its outcome is unknown; re-establishing the writer: {}",
                config.topic(),
                cause.toString());
        if (selfElected && !closed) {
            writerThread.execute(() -> becomeWriter(next));
        }
        return new StoreException(
                "the write to the store failed and may or may not have been applied: " + cause, cause);
    }

    /** Fences the previous writer, reads to the end, then accepts writes; retried until it works or is moot. */
    private void becomeWriter(long epoch) {
        closeProducer();
        while (isCurrent(epoch)) {
            TransactionalWriter candidate = new TransactionalWriter(
                    clientProps,
                    clientId("producer"),
                    config.groupId() + "-" + config.topic() + "-writer",
                    partition,
                    config.timeoutMs());
            try {
                long startNanos = System.nanoTime();
                candidate.init();
                long fencedNanos = System.nanoTime();
                long end = endOffset(config.timeoutMs());
                await(applied.await(end), config.initTimeoutMs(), "read to the end of the log as the new writer");
                synchronized (state) {
                    if (electionEpoch == epoch && !closed) {
                        producer = candidate;
                        writtenEnd = end;
                        writer = true;
                        state.notifyAll();
                        LOG.info(
                                "This instance ({}) is now the writer of '{}' (log end {}; fenced the previous "
                                        + "writer in {} ms, caught up in {} ms)",
                                advertisedUrl,
                                config.topic(),
                                end,
                                TimeUnit.NANOSECONDS.toMillis(fencedNanos - startNanos),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fencedNanos));
                        return;
                    }
                }
                candidate.close();
                return;
            } catch (RuntimeException e) {
                candidate.close();
                LOG.warn(
                        "Could not become the writer of '{}' yet (is the transaction state topic available?): {}",
                        config.topic(),
                        e.toString());
                sleepQuietly(1_000);
            }
        }
    }

    private boolean isCurrent(long epoch) {
        synchronized (state) {
            return electionEpoch == epoch && !closed;
        }
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    @Override
    public CompletableFuture<Void> syncToEnd() {
        if (closed) {
            return CompletableFuture.failedFuture(new StoreException("the store is closed"));
        }
        return admin.listOffsets(
                        Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition)
                .toCompletionStage()
                .toCompletableFuture()
                .thenCompose(info -> applied.await(info.offset()))
                .orTimeout(config.timeoutMs(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e, "sync to the end of the log")));
    }

    @Override
    public boolean isWriter() {
        return writer && !closed;
    }

    @Override
    public Optional<String> writerUrl() {
        return isWriter() || selfElected ? Optional.empty() : otherWriterUrl;
    }

    @Override
    public boolean awaitWriter(String unreachableUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (state) {
            while (!writesHaveSomewhereToGo(unreachableUrl) && !closed) {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMs <= 0) {
                    break;
                }
                try {
                    // every change of writer notifies; the bound only caps the cost of a missed change
                    state.wait(Math.min(remainingMs, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return writesHaveSomewhereToGo(unreachableUrl);
        }
    }

    /** Whether this instance writes, or knows another writer than {@code unreachableUrl}; called holding state. */
    private boolean writesHaveSomewhereToGo(String unreachableUrl) {
        if (closed) {
            return false;
        }
        if (writer) {
            return true;
        }
        return !selfElected
                && otherWriterUrl.filter(url -> !url.equals(unreachableUrl)).isPresent();
    }

    @Override
    public long lag() {
        LogReader r = reader;
        return r == null ? 0 : r.lag();
    }

    @Override
    public void close() {
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            writer = false;
            electionEpoch++;
            state.notifyAll();
        }
        if (election != null) {
            election.close();
        }
        writerThread.execute(this::closeProducer);
        writerThread.shutdown();
        try {
            writerThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader != null) {
            reader.close();
        }
        applied.fail(new StoreException("the store is closed"));
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    private NotWriterException notWriter() {
        if (closed) {
            return new NotWriterException("the store is closed");
        }
        return new NotWriterException("this instance is not the writer of '" + config.topic() + "'; the writer is "
                + writerUrl().orElse("not known yet"));
    }

    private long endOffset(long timeoutMs) {
        try {
            return admin.listOffsets(
                            Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition)
                    .get(timeoutMs, TimeUnit.MILLISECONDS)
                    .offset();
        } catch (ExecutionException e) {
            throw new StoreException(
                    "could not read the end offset of '" + config.topic() + "': " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException(
                    "could not read the end offset of '" + config.topic() + "' within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted", e);
        }
    }

    private static void await(CompletableFuture<Void> future, long timeoutMs, String what) {
        try {
            future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("could not " + what + " within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException s ? s : new StoreException("could not " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while trying to " + what, e);
        }
    }

    private StoreException unwrap(Throwable e, String what) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof StoreException s) {
            return s;
        }
        if (cause instanceof TimeoutException) {
            return new StoreException(
                    "could not " + what + " within " + config.timeoutMs() + " ms (kafkastore.timeout.ms)", cause);
        }
        return new StoreException("could not " + what + ": " + cause, cause);
    }

    private static long remainingMs(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private String clientId(String role) {
        return config.groupId() + "-" + role + "-" + instanceId;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This instance as the election sees it. */
    private final class Member implements ElectionMember {

        @Override
        public String url() {
            return advertisedUrl;
        }

        @Override
        public boolean eligible() {
            return config.leaderEligibility();
        }

        @Override
        public void outcome(Optional<String> writerMemberId, Optional<String> writerUrl, String selfMemberId) {
            boolean self = writerMemberId.filter(selfMemberId::equals).isPresent();
            synchronized (state) {
                selfElected = self;
                otherWriterUrl = self ? Optional.empty() : writerUrl;
                state.notifyAll();
            }
            LOG.info(
                    "Writer election: the writer of '{}' is {}",
                    config.topic(),
                    self ? "this instance" : writerUrl.orElse("nobody (no eligible instance)"));
            firstOutcome.countDown();
        }
    }

    /** Reacts to gaining and losing partition 0 of the election. */
    private final class ElectionEvents implements WriterElection.Listener {

        @Override
        public void elected() {
            long epoch;
            synchronized (state) {
                if (closed) {
                    return;
                }
                epoch = ++electionEpoch;
            }
            writerThread.execute(() -> becomeWriter(epoch));
        }

        @Override
        public void unelected() {
            synchronized (state) {
                writer = false;
                electionEpoch++;
                selfElected = false;
                state.notifyAll();
            }
            try {
                writerThread.execute(KafkaRecordLog.this::closeProducer);
            } catch (RejectedExecutionException e) {
                // closing: the close path closes the producer
            }
        }
    }
}
