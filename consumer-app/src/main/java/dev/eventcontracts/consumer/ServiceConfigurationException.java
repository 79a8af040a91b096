package dev.eventcontracts.consumer;

/**
 * The order-processing service cannot work as configured — wrong credentials, a missing privilege, database,
 * driver, topic or contract — and retrying will not change that. The message says what is wrong and how to fix
 * it, in the service's words, with every secret masked.
 *
 * <p>Thrown by {@link OrderProcessingServices#start} before the service joins its consumer group, and reported by
 * {@link OrderProcessingService#failure()} when a running service meets one repeatedly (e.g. its password was
 * changed); the command exits with code {@value #EXIT_CODE}.
 *
 * @since 0.1.0
 */
public final class ServiceConfigurationException extends RuntimeException {

    /** The exit code of the command after a configuration error: {@code EX_CONFIG} of {@code sysexits.h}. */
    public static final int EXIT_CODE = 78;

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and the fix; never null
     * @param cause the underlying failure; may be null
     */
    public ServiceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
