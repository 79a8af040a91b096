package dev.eventcontracts.consumer.internal;

/**
 * An event that decodes but cannot be applied: it breaks a business rule (unknown order, impossible status
 * change, total not the sum of its items, ...) or lacks a required value. It goes to the dead-letter topic
 * with this exception's message; retrying cannot help.
 */
public final class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the order and the rule; never null
     */
    public InvalidEventException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong; never null
     * @param cause the underlying failure; may be null
     */
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
