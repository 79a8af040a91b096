package dev.eventcontracts.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry refused the serde's credentials (HTTP 401).
 *
 * <p>A {@link SerializationException}, not Kafka's {@code AuthenticationException}: the failure is the
 * registry's, not the broker's, so {@code KafkaProducer.send} throws it at once like every other serializer
 * failure, consumers wrap it in a {@code RecordDeserializationException}, and Kafka Streams hands it to its
 * (de)serialization exception handlers, instead of Kafka treating it as a broker authentication failure.
 *
 * @since 0.1.0
 */
public class SchemaRegistryAuthenticationException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says that registry authentication failed, with topic, subject and schema id; never null
     * @param cause the registry client's exception, or null
     */
    public SchemaRegistryAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
