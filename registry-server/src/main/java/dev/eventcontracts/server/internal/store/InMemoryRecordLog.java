package dev.eventcontracts.server.internal.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link RecordLog} in memory (no {@code kafkastore.bootstrap.servers}): one instance, state lost on exit. It is
 * always the writer and applies every append synchronously (so the returned future is already complete). Each
 * record goes through {@link RecordCodec} and the {@link WriteGuard}, so what the applier sees, and what is
 * refused, is what a Kafka-backed log would do.
 */
public final class InMemoryRecordLog implements RecordLog {

    private final RecordCodec codec = new RecordCodec();
    private final WriteGuard guard = new WriteGuard();
    private final List<byte[][]> records = new ArrayList<>();
    private RecordApplier applier;
    private boolean closed;

    /** An empty log. */
    public InMemoryRecordLog() {}

    @Override
    public synchronized void start(RecordApplier newApplier) {
        if (applier != null) {
            throw new IllegalStateException("already started");
        }
        applier = newApplier;
        for (byte[][] record : records) {
            apply(record);
        }
    }

    @Override
    public synchronized CompletableFuture<Void> append(RegistryKey key, RegistryValue valueOrNull) {
        if (closed) {
            return CompletableFuture.failedFuture(new NotWriterException("the record log is closed"));
        }
        byte[][] record;
        try {
            guard.check(key, valueOrNull);
            record = new byte[][] {codec.encodeKey(key), codec.encodeValue(valueOrNull)};
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        records.add(record);
        if (applier != null) {
            try {
                apply(record);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private void apply(byte[][] record) {
        RegistryKey key = codec.decodeKey(record[0]);
        RegistryValue value = codec.decodeValue(key, record[1]);
        guard.applied(key, value);
        applier.apply(key, value);
    }

    @Override
    public CompletableFuture<Void> syncToEnd() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isWriter() {
        return true;
    }

    @Override
    public Optional<String> writerUrl() {
        return Optional.empty();
    }

    @Override
    public boolean awaitWriter(String unreachableUrl, Duration timeout) {
        return true;
    }

    @Override
    public long lag() {
        return 0;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
