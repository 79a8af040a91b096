package dev.eventcontracts.server.internal.store;

/**
 * An append was refused because this instance is not (or no longer) the writer; the caller forwards the write
 * to {@link RecordLog#writerUrl()} instead (or answers 50x when it is unknown).
 */
public class NotWriterException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public NotWriterException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public NotWriterException(String message, Throwable cause) {
        super(message, cause);
    }
}
