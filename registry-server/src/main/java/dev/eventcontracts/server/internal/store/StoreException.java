package dev.eventcontracts.server.internal.store;

/** The store could not be read or written (timeout, broker error, invalid topic…). */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public StoreException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
