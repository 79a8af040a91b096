package dev.eventcontracts.server.internal.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The replicated log the registry state is rebuilt from. Thread-safe.
 *
 * <p>The registry writes only through {@link #append} and answers a write only after the returned future has
 * completed, at which point its own state already holds the write (read-your-writes). On an instance that is not
 * the writer, writes are forwarded to {@link #writerUrl()} and followed by {@link #syncToEnd()}.
 */
public interface RecordLog extends AutoCloseable {

    /**
     * Replays the whole log into {@code applier} (called on ONE thread, in log order, value null = tombstone),
     * returns when caught up, and keeps applying new records until {@link #close()}.
     *
     * @throws StoreException if the log cannot be read or validated within the configured time
     */
    void start(RecordApplier applier);

    /**
     * Appends one record. The future completes after the LOCAL applier has applied it; it fails with a
     * {@link NotWriterException} if this instance is not (or no longer) the writer, with a {@link StoreException}
     * if the write could not be acknowledged in time.
     */
    CompletableFuture<Void> append(RegistryKey key, RegistryValue valueOrNull);

    /**
     * Completes when the local applier has applied everything written to the log before this call (used after a
     * forwarded write, so this instance serves it as soon as the write returns).
     */
    CompletableFuture<Void> syncToEnd();

    /** Whether this instance may append (it is the elected, fenced-in writer). */
    boolean isWriter();

    /** URL of the current writer instance when this one is not the writer; empty while unknown. */
    Optional<String> writerUrl();

    /**
     * Waits until writes have somewhere to go: this instance is the writer, or it knows the URL of another writer
     * than {@code unreachableUrl}. While this instance has been elected but is still fencing its predecessor and
     * reading to the end of the log, writes have nowhere to go yet. Returns at once when they have; never throws
     * (an interrupt ends the wait with the interrupt flag set).
     *
     * @param unreachableUrl a writer URL a forwarded write just failed to reach, or null
     * @param timeout how long to wait at most; not null
     * @return whether writes have somewhere to go
     */
    boolean awaitWriter(String unreachableUrl, Duration timeout);

    /** Records written to the log but not yet applied locally (for the store-lag metric). */
    long lag();

    /** Stops reading and writing; pending appends fail. */
    @Override
    void close();
}
