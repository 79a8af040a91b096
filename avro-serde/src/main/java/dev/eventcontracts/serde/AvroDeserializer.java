package dev.eventcontracts.serde;

import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.serde.internal.DeserializerCore;
import dev.eventcontracts.serde.internal.RegistryClients;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format bytes written by {@link AvroSerializer} or Confluent's serializer. A drop-in for
 * Confluent's {@code KafkaAvroDeserializer}: same configuration keys ({@link AvroSerdeConfig}).
 *
 * <p>The writer schema is fetched by id (once, then cached) and resolved to the reader schema: with
 * {@code specific.avro.reader=true} the generated class's schema (v1 data reads into v2 classes and the
 * reverse; for a union writer schema each branch reads into its class), otherwise the writer schema, giving
 * {@code GenericRecord}s. String values come back as {@code String}, bytes as {@code byte[]}. Thread-safe;
 * each thread reuses its own decoder and datum readers.
 *
 * @since 0.1.0
 */
public final class AvroDeserializer implements Deserializer<Object> {

    private SchemaRegistry registry;
    private boolean ownsRegistry;
    private final Schema readerSchema;
    private DeserializerCore core;

    /** Creates a deserializer that builds its registry client in {@link #configure}. */
    public AvroDeserializer() {
        this.readerSchema = null;
    }

    /**
     * Creates a deserializer that uses the given registry client.
     *
     * @param registry the client, shared and not closed by this deserializer; never null
     */
    public AvroDeserializer(SchemaRegistry registry) {
        this(registry, null);
    }

    /**
     * Creates a deserializer that reads every value into the given schema, e.g. a consumer still on an older
     * contract version that has no generated classes for it.
     *
     * @param registry the client, shared and not closed by this deserializer; never null
     * @param readerSchema the schema to resolve every writer schema to; null for the configured behaviour
     */
    public AvroDeserializer(SchemaRegistry registry, Schema readerSchema) {
        this.registry = registry;
        this.readerSchema = readerSchema;
    }

    /**
     * Creates and configures a deserializer that uses the given registry client.
     *
     * @param registry the client, shared and not closed by this deserializer; never null
     * @param configs the settings ({@code schema.registry.url} is still required); never null
     * @param isKey whether it deserializes record keys
     */
    public AvroDeserializer(SchemaRegistry registry, Map<String, ?> configs, boolean isKey) {
        this(registry, null);
        configure(configs, isKey);
    }

    /**
     * Reads the settings and, unless one was given, creates the registry client.
     *
     * @param configs the consumer's settings; never null
     * @param isKey whether it deserializes record keys
     * @throws org.apache.kafka.common.config.ConfigException naming key, value and expectation
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = RegistryClients.create(config);
            ownsRegistry = true;
        }
        core = new DeserializerCore(registry, config, isKey, readerSchema);
    }

    /**
     * Deserializes wire-format bytes.
     *
     * @param topic the topic; never null
     * @param data the bytes; null gives null
     * @return the value, or null
     * @throws SerializationException naming topic, subject and schema id: unknown magic byte, unknown id,
     *     unreachable registry, undecodable data; {@link SchemaRegistryAuthenticationException} and
     *     {@link SchemaRegistryAuthorizationException} for registry answers 401 and 403
     */
    @Override
    public Object deserialize(String topic, byte[] data) {
        if (core == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: call configure() first");
        }
        return core.deserialize(topic, data);
    }

    /**
     * Deserializes wire-format bytes straight from Kafka's fetch buffer, without first copying them into an
     * array as Kafka's default implementation does.
     *
     * @param topic the topic; never null
     * @param headers the record's headers (not used)
     * @param data the bytes from position to limit; null gives null; its position is not changed
     * @return the value, or null
     * @throws SerializationException as {@link #deserialize(String, byte[])}
     */
    @Override
    public Object deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (core == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: call configure() first");
        }
        if (data.hasArray()) {
            return core.deserialize(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return core.deserialize(topic, copy);
    }

    /** Closes the registry client if this deserializer created it. */
    @Override
    public void close() {
        if (ownsRegistry && registry != null) {
            registry.close();
        }
    }
}
