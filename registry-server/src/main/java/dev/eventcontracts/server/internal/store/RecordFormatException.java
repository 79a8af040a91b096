package dev.eventcontracts.server.internal.store;

/**
 * A record of the store topic is not in a format this registry understands (not JSON, unknown key type, missing
 * field). A {@link RecordLog} logs and skips such records rather than stopping the replay.
 */
public class RecordFormatException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public RecordFormatException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public RecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
