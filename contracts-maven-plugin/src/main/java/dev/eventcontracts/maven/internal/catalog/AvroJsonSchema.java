package dev.eventcontracts.maven.internal.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * An Avro schema as an AsyncAPI Schema Object (JSON Schema draft-07), for the one place AsyncAPI's Kafka binding
 * 0.5.0 accepts no Avro: the record key. Primitives map to their JSON types, records to objects whose fields are
 * required unless they have a default, enums to string enums, unions to {@code oneOf}.
 */
final class AvroJsonSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJsonSchema() {}

    static ObjectNode of(Schema s) {
        return of(s, new HashSet<>());
    }

    private static ObjectNode of(Schema s, Set<String> open) {
        ObjectNode node = NODES.objectNode();
        if (s.getType() == Schema.Type.RECORD && !open.add(s.getFullName())) {
            return node.put("description", "a " + s.getName() + " (recursive)");
        }
        switch (s.getType()) {
            case STRING -> node.put("type", "string");
            case INT -> node.put("type", "integer").put("format", "int32");
            case LONG -> node.put("type", "integer").put("format", "int64");
            case FLOAT, DOUBLE -> node.put("type", "number");
            case BOOLEAN -> node.put("type", "boolean");
            case NULL -> node.put("type", "null");
            case BYTES, FIXED -> node.put("type", "string").put("format", "binary");
            case ENUM -> {
                node.put("type", "string");
                ArrayNode symbols = node.putArray("enum");
                s.getEnumSymbols().forEach(symbols::add);
            }
            case ARRAY -> node.put("type", "array").set("items", of(s.getElementType(), open));
            case MAP -> node.put("type", "object").set("additionalProperties", of(s.getValueType(), open));
            case UNION -> {
                ArrayNode branches = node.putArray("oneOf");
                s.getTypes().forEach(t -> branches.add(of(t, open)));
            }
            case RECORD -> {
                node.put("type", "object");
                ObjectNode properties = node.putObject("properties");
                ArrayNode required = NODES.arrayNode();
                for (Schema.Field f : s.getFields()) {
                    ObjectNode property = of(f.schema(), open);
                    if (f.doc() != null) {
                        property.put("description", f.doc());
                    }
                    properties.set(f.name(), property);
                    if (!f.hasDefaultValue()) {
                        required.add(f.name());
                    }
                }
                if (!required.isEmpty()) {
                    node.set("required", required);
                }
                open.remove(s.getFullName());
            }
        }
        if (s.getDoc() != null && !node.has("description")) {
            node.put("description", s.getDoc());
        }
        return node;
    }
}
