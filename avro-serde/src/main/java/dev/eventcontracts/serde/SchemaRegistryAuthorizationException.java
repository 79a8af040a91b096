package dev.eventcontracts.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry accepted the serde's credentials but does not allow the operation (HTTP 403).
 *
 * <p>A {@link SerializationException} for the reasons given on {@link SchemaRegistryAuthenticationException}.
 *
 * @since 0.1.0
 */
public class SchemaRegistryAuthorizationException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says that registry authorization failed, with topic, subject and schema id; never null
     * @param cause the registry client's exception, or null
     */
    public SchemaRegistryAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
