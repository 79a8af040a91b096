package dev.eventcontracts.server;

import dev.eventcontracts.server.internal.store.NotWriterException;
import dev.eventcontracts.server.internal.store.RecordApplier;
import dev.eventcontracts.server.internal.store.RecordLog;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.RegistryValue;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The record log, created once the HTTP listeners are bound (the log needs this instance's URL, which needs the
 * port). Until then the instance is not the writer and answers nothing but 503.
 */
final class LateRecordLog implements RecordLog {

    private volatile RecordLog delegate;

    void set(RecordLog log) {
        delegate = log;
    }

    @Override
    public void start(RecordApplier applier) {
        delegate.start(applier);
    }

    @Override
    public CompletableFuture<Void> append(RegistryKey key, RegistryValue valueOrNull) {
        RecordLog log = delegate;
        return log == null
                ? CompletableFuture.failedFuture(new NotWriterException("the store is not open yet"))
                : log.append(key, valueOrNull);
    }

    @Override
    public CompletableFuture<Void> syncToEnd() {
        RecordLog log = delegate;
        return log == null ? CompletableFuture.completedFuture(null) : log.syncToEnd();
    }

    @Override
    public boolean isWriter() {
        RecordLog log = delegate;
        return log != null && log.isWriter();
    }

    @Override
    public Optional<String> writerUrl() {
        RecordLog log = delegate;
        return log == null ? Optional.empty() : log.writerUrl();
    }

    @Override
    public boolean awaitWriter(String unreachableUrl, Duration timeout) {
        RecordLog log = delegate;
        return log != null && log.awaitWriter(unreachableUrl, timeout);
    }

    @Override
    public long lag() {
        RecordLog log = delegate;
        return log == null ? 0 : log.lag();
    }

    @Override
    public void close() {
        RecordLog log = delegate;
        if (log != null) {
            log.close();
        }
    }
}
