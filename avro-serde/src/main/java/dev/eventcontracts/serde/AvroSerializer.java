package dev.eventcontracts.serde;

import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.serde.internal.RegistryClients;
import dev.eventcontracts.serde.internal.SerializerCore;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values in Confluent's wire format: byte {@code 0x00}, the schema id as a big-endian 4-byte int,
 * then the Avro binary encoding. A drop-in for Confluent's {@code KafkaAvroSerializer}: same configuration keys
 * ({@link AvroSerdeConfig}), same bytes.
 *
 * <p>Accepts {@code SpecificRecord}s, {@code GenericRecord}s, generic enums and fixed, {@code null} (written as
 * {@code null} without a registry call), and the primitives {@code Boolean}, {@code Integer}, {@code Long},
 * {@code Float}, {@code Double}, {@code CharSequence}, {@code byte[]} and {@code ByteBuffer} (bytes are written
 * raw, as Confluent does). Thread-safe; once a schema's id is known, serializing makes no registry call and
 * takes no lock.
 *
 * <pre>{@code
 * props.put("value.serializer", AvroSerializer.class.getName());
 * props.put("schema.registry.url", "http://localhost:8081");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AvroSerializer implements Serializer<Object> {

    private SchemaRegistry registry;
    private boolean ownsRegistry;
    private SerializerCore core;

    /** Creates a serializer that builds its registry client in {@link #configure}. */
    public AvroSerializer() {
        // configured by Kafka
    }

    /**
     * Creates a serializer that uses the given registry client; {@link #configure} still reads the settings.
     *
     * @param registry the client, shared and not closed by this serializer; never null
     */
    public AvroSerializer(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * Creates and configures a serializer that uses the given registry client.
     *
     * @param registry the client, shared and not closed by this serializer; never null
     * @param configs the settings ({@code schema.registry.url} is still required); never null
     * @param isKey whether it serializes record keys
     */
    public AvroSerializer(SchemaRegistry registry, Map<String, ?> configs, boolean isKey) {
        this(registry);
        configure(configs, isKey);
    }

    /**
     * Reads the settings and, unless one was given, creates the registry client.
     *
     * @param configs the producer's settings; never null
     * @param isKey whether it serializes record keys
     * @throws org.apache.kafka.common.config.ConfigException naming key, value and expectation
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = RegistryClients.create(config);
            ownsRegistry = true;
        }
        core = new SerializerCore(registry, config, isKey);
    }

    /**
     * Serializes a value.
     *
     * @param topic the topic; never null
     * @param data the value; null gives null
     * @return the wire-format bytes, or null
     * @throws SerializationException naming topic, subject and schema id; its subclasses
     *     {@link SchemaRegistryAuthenticationException} and {@link SchemaRegistryAuthorizationException} for
     *     registry answers 401 and 403
     */
    @Override
    public byte[] serialize(String topic, Object data) {
        if (core == null) {
            throw new IllegalStateException("AvroSerializer is not configured: call configure() first");
        }
        return core.serialize(topic, data);
    }

    /** Closes the registry client if this serializer created it. */
    @Override
    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }
}
