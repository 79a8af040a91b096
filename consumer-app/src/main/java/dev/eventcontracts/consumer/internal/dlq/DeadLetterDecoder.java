package dev.eventcontracts.consumer.internal.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.consumer.internal.EventMapper;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerdeConfig;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;

/**
 * Decodes dead letters for people: the key, the value as JSON where the registry knows its schema, and the event
 * id. Never throws for a record that does not decode: that is what dead letters are; it says why instead.
 */
public final class DeadLetterDecoder implements AutoCloseable {

    /** What a value decodes to: JSON, or why not, with a bounded view of the bytes. */
    public record Value(String json, String schema, Integer schemaId, String failure) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES_SHOWN = 64;

    private final SchemaRegistry registry;
    private final AvroDeserializer keys;
    private final AvroDeserializer values;

    /**
     * Connects to the registry.
     *
     * @param registryUrl the registry; never null
     * @param serdeConfig extra registry client settings (credentials); never null
     */
    public DeadLetterDecoder(String registryUrl, Map<String, String> serdeConfig) {
        Map<String, Object> serde = new LinkedHashMap<>(serdeConfig);
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        this.registry = SchemaRegistries.create(RegistryClientConfig.fromConfluentProperties(serde));
        this.keys = new AvroDeserializer(registry, serde, true);
        Map<String, Object> specific = new LinkedHashMap<>(serde);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        this.values = new AvroDeserializer(registry, specific, false);
    }

    /**
     * Returns the event id of a dead letter, decoding its value.
     *
     * @param letter the dead letter; never null
     * @return the event id, or null when the value does not decode to an order event
     */
    public String eventId(DeadLetterRecord letter) {
        try {
            return EventMapper.map(values.deserialize(
                            letter.record().topic(), letter.record().value()))
                    .eventId();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Returns the key as text.
     *
     * @param letter the dead letter; never null
     * @return the decoded key, or a bounded hex view with the reason it does not decode; never null
     */
    public String key(DeadLetterRecord letter) {
        byte[] key = letter.record().key();
        if (key == null) {
            return "(none)";
        }
        try {
            Object decoded = keys.deserialize(letter.record().topic(), key);
            return JSON.writeValueAsString(toJson(decoded));
        } catch (Exception e) {
            return "not decodable (" + e.getMessage() + "): " + bytes(key);
        }
    }

    /**
     * Decodes the value.
     *
     * @param letter the dead letter; never null
     * @return the value as pretty JSON, or why it does not decode; never null
     */
    public Value value(DeadLetterRecord letter) {
        byte[] value = letter.record().value();
        if (value == null) {
            return new Value(null, null, null, "no value (a tombstone)");
        }
        Integer schemaId = value.length >= 5 && value[0] == 0
                ? ByteBuffer.wrap(value, 1, 4).getInt()
                : null;
        try {
            Object decoded = values.deserialize(letter.record().topic(), value);
            String schema = decoded instanceof GenericContainer container
                    ? container.getSchema().getFullName()
                    : String.valueOf(decoded == null ? null : decoded.getClass().getName());
            return new Value(
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(decoded)), schema, schemaId, null);
        } catch (Exception e) {
            return new Value(null, null, schemaId, e.getMessage() + "; " + bytes(value));
        }
    }

    /** Up to 64 bytes in hex, and the length. */
    static String bytes(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, MAX_BYTES_SHOWN));
        return bytes.length + " bytes: " + hex + (bytes.length > MAX_BYTES_SHOWN ? "..." : "");
    }

    /** Avro data as JSON: decimals as numbers, timestamps in ISO-8601, enums by symbol, bytes in base64. */
    static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof GenericRecord record) {
            ObjectNode object = nodes.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                object.set(field.name(), toJson(record.get(field.pos())));
            }
            return object;
        }
        if (value instanceof BigDecimal decimal) {
            return nodes.numberNode(decimal);
        }
        if (value instanceof Integer || value instanceof Long) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Float || value instanceof Double) {
            return nodes.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof Instant instant) {
            return nodes.textNode(instant.toString());
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return nodes.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = nodes.arrayNode();
            items.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        return nodes.textNode(value.toString());
    }

    @Override
    public void close() {
        keys.close();
        values.close();
        registry.close();
    }
}
