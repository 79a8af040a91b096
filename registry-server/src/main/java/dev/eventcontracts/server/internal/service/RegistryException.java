package dev.eventcontracts.server.internal.service;

import java.util.Objects;

/**
 * The one exception the registry's services throw. The HTTP edge turns it into
 * {@code {"error_code": kind.errorCode(), "message": message}} with {@code kind.httpStatus()}.
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    /**
     * Creates the exception.
     *
     * @param kind the error; never null
     * @param args the values for the kind's message format
     */
    public RegistryException(ErrorKind kind, Object... args) {
        super(Objects.requireNonNull(kind, "kind").message(args));
        this.kind = kind;
    }

    /** With the cause (logged, never sent to the client). */
    public RegistryException(Throwable cause, ErrorKind kind, Object... args) {
        super(Objects.requireNonNull(kind, "kind").message(args), cause);
        this.kind = kind;
    }

    /** The error. */
    public ErrorKind kind() {
        return kind;
    }
}
