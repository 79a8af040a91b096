package dev.eventcontracts.consumer.internal;

/**
 * A failure that says nothing about the record: the database, the registry or the dead-letter topic is not
 * available right now. The batch is rolled back and retried with backoff; the record is never skipped.
 */
public final class TransientFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was unavailable; never null
     * @param cause the underlying failure; may be null
     */
    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
