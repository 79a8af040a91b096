package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.compat.Violation;
import java.util.List;
import java.util.Objects;

/**
 * The one exception the registry's services throw. The HTTP edge turns it into
 * {@code {"error_code": kind.errorCode(), "message": message}} with {@code kind.httpStatus()}.
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final transient List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param kind the error; never null
     * @param args the values for the kind's message format
     */
    public RegistryException(ErrorKind kind, Object... args) {
        this(null, kind, List.of(), (Object[]) args);
    }

    /** With the cause (logged, never sent to the client). */
    public RegistryException(Throwable cause, ErrorKind kind, Object... args) {
        this(cause, kind, List.of(), (Object[]) args);
    }

    private RegistryException(Throwable cause, ErrorKind kind, List<Violation> violations, Object[] args) {
        super(Objects.requireNonNull(kind, "kind").message(args), cause);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    /**
     * A refused registration (409, 40901): Confluent's message plus every violation, so that the answer can
     * name each field.
     *
     * @param message Confluent's message text; never null
     * @param violations the engine's findings; never null
     * @return the exception
     */
    public static RegistryException incompatible(String message, List<Violation> violations) {
        return new RegistryException(null, ErrorKind.INCOMPATIBLE_SCHEMA, violations, new Object[] {message});
    }

    /** The compatibility violations behind a 409; empty for every other error. */
    public List<Violation> violations() {
        return violations;
    }

    /** The error. */
    public ErrorKind kind() {
        return kind;
    }
}
