package dev.eventcontracts.maven.internal.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * An example of an event as people read it: JSON with one value per field, logical values as their meaning
 * (timestamps as ISO-8601 text, decimals as numbers of the declared scale, UUIDs as UUIDs). Deterministic, so the
 * documents generated from the same contracts are the same.
 *
 * <p>A union shows its first branch other than {@code null}, so that the example shows the structure an optional
 * field can hold; an enum shows its first symbol that is not its default (the default is the reader's fallback,
 * not a value anyone writes). A recursive record stops with {@code null}.
 */
public final class ExamplePayload {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExamplePayload() {}

    /**
     * Returns an example value of a schema.
     *
     * @param schema the schema, e.g. an event record; never null
     * @return the example; never null
     */
    public static JsonNode of(Schema schema) {
        return value(schema, "value", new HashSet<>());
    }

    private static JsonNode value(Schema s, String name, Set<String> open) {
        LogicalType logical = s.getLogicalType();
        if (logical != null) {
            JsonNode v = logicalValue(logical);
            if (v != null) {
                return v;
            }
        }
        return switch (s.getType()) {
            case RECORD -> record(s, open);
            case ENUM ->
                NODES.textNode(s.getEnumSymbols().stream()
                        .filter(sym -> !sym.equals(s.getEnumDefault()))
                        .findFirst()
                        .orElse(s.getEnumSymbols().get(0)));
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                array.add(value(s.getElementType(), name, open));
                yield array;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                map.set("key", value(s.getValueType(), name, open));
                yield map;
            }
            case UNION ->
                s.getTypes().stream()
                        .filter(t -> t.getType() != Schema.Type.NULL)
                        .findFirst()
                        .map(t -> value(t, name, open))
                        .orElse(NODES.nullNode());
            case STRING -> NODES.textNode(name + "-1");
            case INT, LONG -> NODES.numberNode(1);
            case FLOAT, DOUBLE -> NODES.numberNode(1.5);
            case BOOLEAN -> NODES.booleanNode(true);
            case BYTES, FIXED -> NODES.textNode("");
            case NULL -> NODES.nullNode();
        };
    }

    private static JsonNode record(Schema s, Set<String> open) {
        if (!open.add(s.getFullName())) {
            return NODES.nullNode();
        }
        ObjectNode record = NODES.objectNode();
        s.getFields().forEach(f -> record.set(f.name(), value(f.schema(), f.name(), open)));
        open.remove(s.getFullName());
        return record;
    }

    private static JsonNode logicalValue(LogicalType logical) {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return NODES.numberNode(BigDecimal.ONE.setScale(decimal.getScale()));
        }
        return switch (logical.getName()) {
            case "timestamp-millis", "timestamp-micros", "timestamp-nanos" -> NODES.textNode("2026-01-01T12:00:00Z");
            case "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos" ->
                NODES.textNode("2026-01-01T12:00:00");
            case "date" -> NODES.textNode("2026-01-01");
            case "time-millis", "time-micros" -> NODES.textNode("12:00:00");
            case "uuid" -> NODES.textNode("00000000-0000-4000-8000-000000000001");
            default -> null;
        };
    }
}
