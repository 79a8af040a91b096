package dev.eventcontracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Writes the normalized text of a schema the way Confluent Schema Registry does for {@code normalize=true}:
 * named types by full name without {@code namespace}, custom properties and aliases sorted, object keys of
 * defaults and properties sorted, referenced types by full name, every named type defined once.
 *
 * <p>The text is parsed again by {@link AvroSchema#normalize()}, so its exact key order matters only where
 * Avro keeps it (properties, aliases, default values). Like Confluent, logical-type properties are written
 * both up front and among the sorted properties; the parser keeps the first position and the last value.
 */
final class Normalizer {

    private static final JsonNodeFactory SORTED = new SortedNodeFactory();

    private final Map<String, String> written = new HashMap<>();
    private final StringBuilder out = new StringBuilder();

    private Normalizer() {}

    static String normalizedText(Schema schema, Collection<Schema> referencedTypes) {
        Normalizer n = new Normalizer();
        for (Schema ref : referencedTypes) {
            n.written.put(ref.getFullName(), quote(ref.getFullName()));
        }
        n.write(schema);
        return n.out.toString();
    }

    private void write(Schema s) {
        switch (s.getType()) {
            case UNION -> {
                out.append('[');
                String sep = "";
                for (Schema branch : s.getTypes()) {
                    out.append(sep);
                    write(branch);
                    sep = ",";
                }
                out.append(']');
            }
            case ARRAY, MAP -> {
                out.append("{\"type\":\"").append(s.getType().getName()).append('"');
                out.append(s.getType() == Schema.Type.ARRAY ? ",\"items\":" : ",\"values\":");
                write(s.getType() == Schema.Type.ARRAY ? s.getElementType() : s.getValueType());
                props(s.getObjectProps());
                out.append('}');
            }
            case RECORD, ENUM, FIXED -> named(s);
            default -> primitive(s);
        }
    }

    private void named(Schema s) {
        String fullName = s.getFullName();
        String known = written.get(fullName);
        if (known != null) {
            out.append(known);
            return;
        }
        written.put(fullName, quote(fullName));
        out.append("{\"name\":")
                .append(quote(fullName))
                .append(",\"type\":\"")
                .append(s.getType().getName())
                .append('"');
        switch (s.getType()) {
            case ENUM -> {
                out.append(",\"symbols\":[");
                String sep = "";
                for (String symbol : s.getEnumSymbols()) {
                    out.append(sep).append(quote(symbol));
                    sep = ",";
                }
                out.append(']');
            }
            case FIXED -> {
                out.append(",\"size\":").append(s.getFixedSize());
                if (s.getLogicalType() != null) {
                    logical(s.getLogicalType());
                }
            }
            default -> fields(s);
        }
        if (s.getDoc() != null && !s.getDoc().isEmpty()) {
            out.append(",\"doc\":").append(json(s.getDoc()));
        }
        if (!s.getAliases().isEmpty()) {
            out.append(",\"aliases\":").append(json(new TreeSet<>(s.getAliases())));
        }
        if (s.getType() == Schema.Type.ENUM && s.getEnumDefault() != null) {
            out.append(",\"default\":").append(json(s.getEnumDefault()));
        }
        props(s.getObjectProps());
        out.append('}');
    }

    private void fields(Schema record) {
        out.append(",\"fields\":[");
        String sep = "";
        for (Schema.Field f : record.getFields()) {
            out.append(sep).append("{\"name\":").append(quote(f.name())).append(",\"type\":");
            write(f.schema());
            out.append(",\"order\":\"").append(f.order().name()).append('"');
            if (f.doc() != null) {
                out.append(",\"doc\":").append(json(f.doc()));
            }
            if (!f.aliases().isEmpty()) {
                out.append(",\"aliases\":").append(json(new TreeSet<>(f.aliases())));
            }
            if (f.hasDefaultValue()) {
                out.append(",\"default\":").append(json(f.defaultVal()));
            }
            props(f.getObjectProps());
            out.append('}');
            sep = ",";
        }
        out.append(']');
    }

    private void primitive(Schema s) {
        LogicalType lt = s.getLogicalType();
        if (lt == null && !s.hasProps()) {
            out.append(quote(s.getType().getName()));
            return;
        }
        out.append("{\"type\":\"").append(s.getType().getName()).append('"');
        if (lt != null) {
            logical(lt);
        }
        props(s.getObjectProps());
        out.append('}');
    }

    private void logical(LogicalType lt) {
        out.append(",\"").append(LogicalType.LOGICAL_TYPE_PROP).append("\":").append(quote(lt.getName()));
        if (lt instanceof LogicalTypes.Decimal decimal) {
            out.append(",\"precision\":").append(decimal.getPrecision());
            if (decimal.getScale() != 0) {
                out.append(",\"scale\":").append(decimal.getScale());
            }
        }
    }

    private void props(Map<String, Object> props) {
        for (Map.Entry<String, Object> e : new TreeMap<>(props).entrySet()) {
            out.append(',').append(quote(e.getKey())).append(':').append(json(e.getValue()));
        }
    }

    private static String quote(String text) {
        return SORTED.textNode(text).toString();
    }

    private static String json(Object value) {
        return toNode(value).toString();
    }

    /** Converts what Avro hands out for defaults and properties into JSON with sorted object keys. */
    private static JsonNode toNode(Object value) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return SORTED.nullNode();
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode node = SORTED.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toNode(v)));
            return node;
        } else if (value instanceof Collection<?> list) {
            ArrayNode node = SORTED.arrayNode();
            list.forEach(v -> node.add(toNode(v)));
            return node;
        } else if (value instanceof byte[] bytes) {
            return SORTED.textNode(new String(bytes, StandardCharsets.ISO_8859_1));
        } else if (value instanceof Double d) {
            return SORTED.numberNode(d);
        } else if (value instanceof Float f) {
            return SORTED.numberNode(f);
        } else if (value instanceof Long l) {
            return SORTED.numberNode(l);
        } else if (value instanceof Integer i) {
            return SORTED.numberNode(i);
        } else if (value instanceof Boolean b) {
            return SORTED.booleanNode(b);
        } else if (value instanceof BigInteger b) {
            return SORTED.numberNode(b);
        } else if (value instanceof BigDecimal b) {
            return SORTED.numberNode(b);
        } else if (value instanceof JsonNode node) {
            return node;
        }
        return SORTED.textNode(value.toString());
    }

    /** Object nodes that keep their keys sorted, as Confluent writes defaults and properties. */
    private static final class SortedNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        SortedNodeFactory() {
            super(false);
        }

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new TreeMap<>());
        }
    }
}
