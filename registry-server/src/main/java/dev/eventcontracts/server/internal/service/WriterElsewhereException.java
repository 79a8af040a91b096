package dev.eventcontracts.server.internal.service;

/**
 * This instance may not write; the HTTP edge forwards the request to the writer instance instead of answering.
 * Not an error the client ever sees.
 */
public final class WriterElsewhereException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long waitDeadlineNanos;

    /**
     * With the reason (for logs) and how long the write may still wait for a writer.
     *
     * @param reason why this instance does not write
     * @param waitDeadlineNanos the {@link System#nanoTime()} until which the forwarding may wait for a writer
     */
    public WriterElsewhereException(String reason, long waitDeadlineNanos) {
        super(reason, null, false, false);
        this.waitDeadlineNanos = waitDeadlineNanos;
    }

    /** The {@link System#nanoTime()} until which the forwarding may wait for a writer. */
    public long waitDeadlineNanos() {
        return waitDeadlineNanos;
    }
}
