package dev.eventcontracts.server.internal.store;

/**
 * An append was refused because it contradicts the log: its schema id already belongs to a different schema, or
 * its subject version already holds a different schema. This happens only when the caller computed the record
 * from state that was stale (a writer hand-over in between); retrying the request computes it afresh.
 */
public class WriteConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public WriteConflictException(String message) {
        super(message);
    }
}
