package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.DeadLetterReason;
import java.util.Objects;

/**
 * A record that can never be processed; it goes to the dead-letter topic. The cause is the exception the
 * dead-letter headers name (class and message).
 */
public final class PoisonEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DeadLetterReason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the record is poison; never null
     * @param cause the failure to report; never null
     */
    public PoisonEventException(DeadLetterReason reason, Throwable cause) {
        super(reason + ": " + cause.getMessage(), Objects.requireNonNull(cause, "cause"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns why the record is poison; never null. */
    public DeadLetterReason reason() {
        return reason;
    }
}
