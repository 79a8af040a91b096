package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.server.internal.store.NotWriterException;
import dev.eventcontracts.server.internal.store.RecordLog;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.RegistryValue;
import dev.eventcontracts.server.internal.store.WriteConflictException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single path of every write: one lock per instance (so "next id" and "next version" are computed and
 * appended without a race), an append to the record log, and the wait until this instance's state holds the
 * record. Readers never take the lock.
 *
 * <p>A write that finds no writer, or finds this instance still taking over the writer role, waits for one (at
 * most {@code leader.wait.timeout.ms}) instead of failing; a write whose record the log refused without applying
 * it (the writer role was lost in between, or the record contradicts the log) is computed again from the current
 * state. Only a write whose record may have been committed fails, and its answer says so.
 */
public final class WriteGate {

    private static final Logger LOG = LoggerFactory.getLogger(WriteGate.class);
    /** How often a write whose record was refused unapplied is computed again on this instance. */
    private static final int ATTEMPTS = 3;
    /** The words every answer carries whose write may have been committed. */
    public static final String OUTCOME_UNKNOWN = "the write may or may not have been applied";

    private final RecordLog log;
    private final long timeoutMillis;
    private final Duration writerWait;
    private final ReentrantLock lock = new ReentrantLock();
    /** Records appended by the current {@link #locked} call; guarded by {@link #lock}. */
    private int appendsInCall;

    /**
     * Creates the gate.
     *
     * @param log the record log written to; never null
     * @param timeout how long an append may take before the write fails with 50002
     * @param writerWait how long a write waits for a writer while none is known or this instance is taking over
     */
    public WriteGate(RecordLog log, Duration timeout, Duration writerWait) {
        this.log = log;
        this.timeoutMillis = timeout.toMillis();
        this.writerWait = writerWait;
    }

    /**
     * Runs {@code write} holding the writer lock, computing it again when the log refused its record unapplied.
     *
     * @throws WriterElsewhereException when another instance is the writer (the request is forwarded), or when none
     *     is known after the writer wait (the forwarding answers 50004)
     */
    public <T> T locked(Supplier<T> write) {
        long deadline = System.nanoTime() + writerWait.toNanos();
        for (int attempt = 1; ; attempt++) {
            if (!log.isWriter()) {
                log.awaitWriter(null, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (!log.isWriter()) {
                    throw new WriterElsewhereException("this instance is not the writer", deadline);
                }
            }
            lock.lock();
            appendsInCall = 0;
            try {
                return write.get();
            } catch (NotAppliedException e) {
                if (attempt >= ATTEMPTS && log.isWriter()) {
                    throw new RegistryException(
                            e,
                            ErrorKind.STORE_ERROR,
                            e.operation + " operation failed: the store refused it " + ATTEMPTS
                                    + " times without applying it; retry it");
                }
                LOG.debug("{} was not applied ({}); computing it again", e.operation, e.getMessage());
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Appends one record and waits until this instance has applied it. Call only inside {@link #locked}.
     *
     * @param operation what is written, for error messages, e.g. {@code "Register schema"}
     * @throws RegistryException 50001 when the store fails, 50002 on timeout; both say the write may have been
     *     applied
     */
    public void append(String operation, RegistryKey key, RegistryValue valueOrNull) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("append outside the writer lock");
        }
        try {
            log.append(key, valueOrNull).get(timeoutMillis, TimeUnit.MILLISECONDS);
            appendsInCall++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    e, ErrorKind.OPERATION_TIMEOUT, operation + " operation timed out; " + OUTCOME_UNKNOWN);
        } catch (TimeoutException e) {
            throw new RegistryException(
                    e, ErrorKind.OPERATION_TIMEOUT, operation + " operation timed out; " + OUTCOME_UNKNOWN);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof NotWriterException || cause instanceof WriteConflictException) {
                throw notApplied(operation, cause);
            }
            throw new RegistryException(
                    cause,
                    ErrorKind.STORE_ERROR,
                    operation + " operation failed while writing to the Kafka store; " + OUTCOME_UNKNOWN);
        }
    }

    /** The log refused the record without applying it: the write may run again, unless part of it is written. */
    private RuntimeException notApplied(String operation, Throwable cause) {
        if (appendsInCall > 0) {
            return new RegistryException(
                    cause,
                    ErrorKind.STORE_ERROR,
                    operation + " operation failed after part of it was written, because the writer changed; "
                            + "retry it");
        }
        return new NotAppliedException(operation, cause);
    }

    /** Whether this instance may write now. */
    public boolean isWriter() {
        return log.isWriter();
    }

    /** A record the log refused without applying it; {@link #locked} computes the write again. */
    private static final class NotAppliedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String operation;

        NotAppliedException(String operation, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.operation = operation;
        }
    }
}
