package dev.eventcontracts.serde;

import dev.eventcontracts.client.SchemaRegistry;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka Streams {@link Serde}, typed for convenience.
 *
 * <pre>{@code
 * Serde<OrderCreated> serde = new AvroSerde<>();
 * serde.configure(Map.of("schema.registry.url", url, "specific.avro.reader", true), false);
 * }</pre>
 *
 * <p>The type parameter is not checked: the deserializer returns what the configuration makes it read
 * ({@code specific.avro.reader}), and a mismatch shows as a {@link ClassCastException} where the value is used.
 *
 * @param <T> the value type
 * @since 0.1.0
 */
public final class AvroSerde<T> implements Serde<T> {

    private final AvroSerializer serializer;
    private final AvroDeserializer deserializer;

    /** Creates a serde whose serializer and deserializer build their registry clients when configured. */
    public AvroSerde() {
        this.serializer = new AvroSerializer();
        this.deserializer = new AvroDeserializer();
    }

    /**
     * Creates a serde that uses the given registry client.
     *
     * @param registry the client, shared and not closed by this serde; never null
     */
    public AvroSerde(SchemaRegistry registry) {
        this.serializer = new AvroSerializer(registry);
        this.deserializer = new AvroDeserializer(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Serializer<T> serializer() {
        Serializer<?> raw = serializer;
        return (Serializer<T>) raw;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        Deserializer<?> raw = deserializer;
        return (Deserializer<T>) raw;
    }
}
