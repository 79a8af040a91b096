package dev.eventcontracts.client;

import java.util.Objects;

/**
 * An error answered by a schema registry, or the failure to reach one.
 *
 * <p>{@link #status()} is the HTTP status ({@code 0} when no answer came: connection refused, timeout) and
 * {@link #errorCode()} Confluent's {@code error_code} from the JSON body ({@code 0} when the body had none).
 * {@link #kind()} groups both into what a caller usually branches on, e.g. {@link Kind#NOT_FOUND} for
 * {@code 40401} (subject not found), {@code 40402} (version not found) and {@code 40403} (schema not found).
 *
 * <p>Messages never contain credentials: no passwords, tokens or URL user-info.
 */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * What went wrong, in the terms a caller branches on.
     *
     * @since 0.1.0
     */
    public enum Kind {
        /** HTTP 404: subject, version or schema id unknown ({@code 404xx}). */
        NOT_FOUND,
        /**
         * HTTP 409: the schema is incompatible ({@code error_code} {@code 40901} from Confluent 8, {@code 409} from
         * older Confluent releases and Apicurio) or the request conflicts with the state.
         */
        CONFLICT,
        /** HTTP 400 or 422: invalid schema, version, compatibility level, mode or request. */
        INVALID,
        /** HTTP 401: no or wrong credentials. */
        UNAUTHORIZED,
        /** HTTP 403: the credentials are not allowed to do this. */
        FORBIDDEN,
        /** No answer (connection refused, TLS failure, timeout) or an HTTP 5xx. */
        UNAVAILABLE,
        /** Any other answer, e.g. HTTP 405, 415, 429, or a success whose body could not be read. */
        OTHER;

        /**
         * Classifies an HTTP status.
         *
         * @param status the HTTP status, or {@code 0} when no answer came
         * @return the kind; never null
         */
        public static Kind ofStatus(int status) {
            if (status == 0 || status >= 500) {
                return UNAVAILABLE;
            }
            return switch (status) {
                case 400, 422 -> INVALID;
                case 401 -> UNAUTHORIZED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 409 -> CONFLICT;
                default -> OTHER;
            };
        }
    }

    private final int status;
    private final int errorCode;
    private final Kind kind;

    /**
     * Creates the exception; the kind follows from the status ({@link Kind#ofStatus(int)}).
     *
     * @param status the HTTP status, or 0 when no answer came
     * @param errorCode the Confluent error code, or 0
     * @param message the registry's message or a description of the failure; never null
     * @param cause the underlying exception, or null
     */
    public RegistryException(int status, int errorCode, String message, Throwable cause) {
        this(Kind.ofStatus(status), status, errorCode, message, cause);
    }

    /**
     * Creates the exception with an explicit kind, for failures the status alone does not classify (a
     * schema of another type than Avro, an unreadable success body).
     *
     * @param kind what went wrong; never null
     * @param status the HTTP status, or 0 when no answer came
     * @param errorCode the Confluent error code, or 0
     * @param message the registry's message or a description of the failure; never null
     * @param cause the underlying exception, or null
     * @since 0.1.0
     */
    public RegistryException(Kind kind, int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.errorCode = errorCode;
    }

    /** Returns the HTTP status, or 0 when the registry gave no answer. */
    public int status() {
        return status;
    }

    /** Returns Confluent's {@code error_code}, or 0 when there was none. */
    public int errorCode() {
        return errorCode;
    }

    /**
     * Returns what went wrong, for branching; never null.
     *
     * @since 0.1.0
     */
    public Kind kind() {
        return kind;
    }
}
