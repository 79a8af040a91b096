package dev.eventcontracts.client;

/**
 * An error answered by a schema registry, or the failure to reach one.
 *
 * <p>{@link #status()} is the HTTP status ({@code 0} when no answer came: connection refused, timeout) and
 * {@link #errorCode()} Confluent's {@code error_code} from the JSON body ({@code 0} when the body had none).
 */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status, or 0 when no answer came
     * @param errorCode the Confluent error code, or 0
     * @param message the registry's message or a description of the failure; never null
     * @param cause the underlying exception, or null
     */
    public RegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
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
}
