package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.consumer.DeadLetterReason;
import dev.eventcontracts.consumer.ServiceConfigurationException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes one raw record into an {@link OrderEvent}, classifying every failure.
 *
 * <p>Why here and not in the consumer's deserializer: a deserializer that throws inside {@code poll()} fails
 * the whole poll, and the consumer cannot get past the record. Reading raw bytes and decoding per record lets
 * one bad record go to the dead-letter topic with its exact cause while the records around it are processed.
 *
 * <p>Classification: a value without the magic byte, an id the registry does not know, bytes that do not
 * decode, a key that does not decode or does not match the event's order id — poison
 * ({@link PoisonEventException}). A registry that does not answer (or answers 5xx or 429) —
 * {@link TransientFailureException}: the record is fine, the world is not; retry. A registry that refuses the
 * service's credentials (401, 403) — {@link ServiceConfigurationException}.
 */
public final class EventDecoder {

    private final Deserializer<Object> keys;
    private final Deserializer<Object> values;

    /**
     * Creates a decoder.
     *
     * @param keys the configured key deserializer; never null
     * @param values the configured value deserializer; never null
     */
    public EventDecoder(Deserializer<Object> keys, Deserializer<Object> values) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.values = Objects.requireNonNull(values, "values");
    }

    /**
     * Decodes one record.
     *
     * @param record the raw record; never null
     * @return the event; never null
     * @throws PoisonEventException when the record can never be processed
     * @throws TransientFailureException when the registry is not available
     */
    public OrderEvent decode(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            throw new PoisonEventException(
                    DeadLetterReason.UNDECODABLE,
                    new InvalidEventException("the record has no value (a tombstone); order events always have one"));
        }
        Object decodedValue = deserialize(values, record.topic(), value);
        OrderEvent event;
        try {
            event = EventMapper.map(decodedValue);
        } catch (InvalidEventException e) {
            throw new PoisonEventException(DeadLetterReason.INVALID_EVENT, e);
        }
        Object key = record.key() == null ? null : deserialize(keys, record.topic(), record.key());
        if (key == null || !event.orderId().equals(key.toString())) {
            throw new PoisonEventException(
                    DeadLetterReason.INVALID_EVENT,
                    new InvalidEventException(
                            "record key " + (key == null ? "null" : "'" + key + "'") + " is not the order id '"
                                    + event.orderId() + "' of " + event.type() + " " + event.eventId()));
        }
        return event;
    }

    private static Object deserialize(Deserializer<Object> deserializer, String topic, byte[] bytes) {
        try {
            return deserializer.deserialize(topic, bytes);
        } catch (RuntimeException e) {
            throw classify(e, bytes);
        }
    }

    private static RuntimeException classify(RuntimeException e, byte[] bytes) {
        RegistryException registry = registryCause(e);
        if (registry != null) {
            if (registry.kind() == RegistryException.Kind.NOT_FOUND) {
                return new PoisonEventException(DeadLetterReason.UNKNOWN_SCHEMA_ID, e);
            }
            if (registry.kind() == RegistryException.Kind.UNAUTHORIZED
                    || registry.kind() == RegistryException.Kind.FORBIDDEN) {
                return new ServiceConfigurationException(
                        "the schema registry refused the service (" + registry.kind() + "): " + registry.getMessage()
                                + ". Fix: give credentials that may read schemas, e.g. -X "
                                + "basic.auth.credentials.source=USER_INFO -X basic.auth.user.info=<user>:<password>.",
                        e);
            }
            return new TransientFailureException("schema registry not available: " + e.getMessage(), e);
        }
        if (bytes.length < 5 || bytes[0] != 0) {
            return new PoisonEventException(DeadLetterReason.UNKNOWN_MAGIC_BYTE, e);
        }
        if (e instanceof SerializationException || e instanceof org.apache.avro.AvroRuntimeException) {
            return new PoisonEventException(DeadLetterReason.UNDECODABLE, e);
        }
        return new PoisonEventException(DeadLetterReason.UNDECODABLE, e);
    }

    private static RegistryException registryCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryException registry) {
                return registry;
            }
        }
        return null;
    }
}
