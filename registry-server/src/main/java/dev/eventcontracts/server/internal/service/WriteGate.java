package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.server.internal.store.NotWriterException;
import dev.eventcontracts.server.internal.store.RecordLog;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.RegistryValue;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The single path of every write: one lock per instance (so "next id" and "next version" are computed and
 * appended without a race), an append to the record log, and the wait until this instance's state holds the
 * record. Readers never take the lock.
 */
public final class WriteGate {

    private final RecordLog log;
    private final long timeoutMillis;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * Creates the gate.
     *
     * @param log the record log written to; never null
     * @param timeout how long an append may take before the write fails with 50002
     */
    public WriteGate(RecordLog log, Duration timeout) {
        this.log = log;
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Runs {@code write} holding the writer lock.
     *
     * @throws WriterElsewhereException when this instance is not the writer (the request is forwarded)
     */
    public <T> T locked(Supplier<T> write) {
        if (!log.isWriter()) {
            throw new WriterElsewhereException("this instance is not the writer");
        }
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends one record and waits until this instance has applied it. Call only inside {@link #locked}.
     *
     * @param operation what is written, for error messages, e.g. {@code "Register schema"}
     * @throws RegistryException 50001 when the store fails, 50002 on timeout
     * @throws WriterElsewhereException when this instance lost the right to write
     */
    public void append(String operation, RegistryKey key, RegistryValue valueOrNull) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("append outside the writer lock");
        }
        try {
            log.append(key, valueOrNull).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(e, ErrorKind.OPERATION_TIMEOUT, operation + " operation timed out");
        } catch (TimeoutException e) {
            throw new RegistryException(e, ErrorKind.OPERATION_TIMEOUT, operation + " operation timed out");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof NotWriterException) {
                throw new WriterElsewhereException(cause.getMessage());
            }
            throw new RegistryException(
                    cause, ErrorKind.STORE_ERROR, operation + " operation failed while writing to the Kafka store");
        }
    }

    /** Whether this instance may write now. */
    public boolean isWriter() {
        return log.isWriter();
    }
}
