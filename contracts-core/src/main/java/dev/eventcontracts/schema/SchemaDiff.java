package dev.eventcontracts.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.schema.SchemaChange.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The field-level difference between two versions of an Avro schema: every named type reachable from either (nested
 * and referenced types included), compared by full name, yields the types, fields and enum symbols added, removed
 * or changed. A pure function like the compatibility engine: it says what changed, the engine says whether that is
 * allowed.
 *
 * <p>A field whose type is a named type that kept its name is not reported as changed; the named type's own
 * changes are. Formatting, property order and aliases of fields are not changes.
 *
 * @since 0.1.0
 */
public final class SchemaDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaDiff() {}

    /**
     * Lists what changed from one version of a schema to the next.
     *
     * @param before the older version; null when there was none (every named type is then added)
     * @param after the newer version; never null
     * @return the changes: per named type of {@code after} in first-use order its own changes, then the types
     *     removed; never null, empty when nothing a reader sees changed
     */
    public static List<SchemaChange> between(Schema before, Schema after) {
        Map<String, Schema> old = before == null ? Map.of() : named(before);
        Map<String, Schema> now = named(Objects.requireNonNull(after, "after"));
        List<SchemaChange> changes = new ArrayList<>();
        now.forEach((name, schema) -> {
            Schema was = old.get(name);
            if (was == null) {
                changes.add(new SchemaChange(Kind.TYPE_ADDED, name, "", "", kindOf(schema)));
            } else {
                members(name, was, schema, changes);
            }
        });
        old.keySet().stream()
                .filter(name -> !now.containsKey(name))
                .forEach(name -> changes.add(new SchemaChange(Kind.TYPE_REMOVED, name, "", kindOf(old.get(name)), "")));
        return changes;
    }

    /**
     * Returns every named type reachable from a schema, nested ones included, by full name in first-use order.
     *
     * @param schema the schema; never null
     * @return the named types; never null
     */
    public static Map<String, Schema> named(Schema schema) {
        Map<String, Schema> named = new LinkedHashMap<>();
        collect(schema, named);
        return named;
    }

    private static void collect(Schema s, Map<String, Schema> named) {
        switch (s.getType()) {
            case RECORD -> {
                if (named.putIfAbsent(s.getFullName(), s) == null) {
                    s.getFields().forEach(f -> collect(f.schema(), named));
                }
            }
            case ENUM, FIXED -> named.putIfAbsent(s.getFullName(), s);
            case ARRAY -> collect(s.getElementType(), named);
            case MAP -> collect(s.getValueType(), named);
            case UNION -> s.getTypes().forEach(t -> collect(t, named));
            default -> {
                // primitives name no type
            }
        }
    }

    private static void members(String name, Schema old, Schema now, List<SchemaChange> changes) {
        if (old.getType() != now.getType()) {
            changes.add(new SchemaChange(Kind.TYPE_CHANGED, name, "", kindOf(old), kindOf(now)));
            return;
        }
        typeItself(name, old, now, changes);
        switch (now.getType()) {
            case RECORD -> fields(name, old, now, changes);
            case ENUM -> {
                now.getEnumSymbols().stream()
                        .filter(s -> !old.getEnumSymbols().contains(s))
                        .forEach(s -> changes.add(new SchemaChange(Kind.SYMBOL_ADDED, name, s, "", "")));
                old.getEnumSymbols().stream()
                        .filter(s -> !now.getEnumSymbols().contains(s))
                        .forEach(s -> changes.add(new SchemaChange(Kind.SYMBOL_REMOVED, name, s, "", "")));
            }
            default -> {
                // a fixed type has no members; its size is compared with the type itself
            }
        }
    }

    private static void typeItself(String name, Schema old, Schema now, List<SchemaChange> changes) {
        List<String> was = new ArrayList<>();
        List<String> is = new ArrayList<>();
        if (!Objects.equals(old.getDoc(), now.getDoc())) {
            was.add("doc " + quoted(old.getDoc()));
            is.add("doc " + quoted(now.getDoc()));
        }
        if (now.getType() == Schema.Type.ENUM && !Objects.equals(old.getEnumDefault(), now.getEnumDefault())) {
            was.add("default " + (old.getEnumDefault() == null ? "none" : old.getEnumDefault()));
            is.add("default " + (now.getEnumDefault() == null ? "none" : now.getEnumDefault()));
        }
        if (now.getType() == Schema.Type.FIXED && old.getFixedSize() != now.getFixedSize()) {
            was.add("size " + old.getFixedSize());
            is.add("size " + now.getFixedSize());
        }
        if (!old.getAliases().equals(now.getAliases())) {
            was.add("aliases " + old.getAliases().stream().sorted().toList());
            is.add("aliases " + now.getAliases().stream().sorted().toList());
        }
        if (!was.isEmpty()) {
            changes.add(new SchemaChange(Kind.TYPE_CHANGED, name, "", String.join("; ", was), String.join("; ", is)));
        }
    }

    private static void fields(String name, Schema old, Schema now, List<SchemaChange> changes) {
        for (Schema.Field f : now.getFields()) {
            Schema.Field was = old.getField(f.name());
            if (was == null) {
                changes.add(new SchemaChange(Kind.FIELD_ADDED, name, f.name(), "", describeField(f)));
                continue;
            }
            boolean typeOrDefault = !shape(was.schema()).equals(shape(f.schema()))
                    || was.hasDefaultValue() != f.hasDefaultValue()
                    || !Objects.equals(defaultText(was), defaultText(f));
            boolean doc = !Objects.equals(was.doc(), f.doc());
            if (typeOrDefault || doc) {
                String before = typeOrDefault ? describeField(was) : "";
                String after = typeOrDefault ? describeField(f) : "";
                if (doc) {
                    before = join(before, "doc " + quoted(was.doc()));
                    after = join(after, "doc " + quoted(f.doc()));
                }
                changes.add(new SchemaChange(Kind.FIELD_CHANGED, name, f.name(), before, after));
            }
        }
        old.getFields().stream()
                .filter(f -> now.getField(f.name()) == null)
                .forEach(f -> changes.add(new SchemaChange(Kind.FIELD_REMOVED, name, f.name(), describeField(f), "")));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    private static String quoted(String doc) {
        return doc == null ? "none" : "'" + doc + "'";
    }

    /** The structure of a field's type without docs: named types by full name, primitives with their properties. */
    private static String shape(Schema s) {
        return switch (s.getType()) {
            case RECORD, ENUM, FIXED -> s.getFullName();
            case ARRAY -> "array<" + shape(s.getElementType()) + ">";
            case MAP -> "map<" + shape(s.getValueType()) + ">";
            case UNION -> s.getTypes().stream().map(SchemaDiff::shape).collect(Collectors.joining(",", "union<", ">"));
            default -> s.toString();
        };
    }

    /**
     * Describes a field as people read it: its type (see {@link #typeName}) and its default, e.g. {@code union of
     * null, Address; default null} or {@code string; no default}.
     *
     * @param field the field; never null
     * @return the description; never null
     */
    public static String describeField(Schema.Field field) {
        String type = typeName(field.schema());
        String value = defaultText(field);
        return value == null ? type + "; no default" : type + "; default " + value;
    }

    /**
     * Returns a field's default as JSON text, e.g. {@code null}, {@code "EUR"} or {@code 0}.
     *
     * @param field the field; never null
     * @return the default's JSON; null when the field has no default
     */
    public static String defaultText(Schema.Field field) {
        if (!field.hasDefaultValue()) {
            return null;
        }
        Object value = field.defaultVal();
        if (value == JsonProperties.NULL_VALUE) {
            return "null";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /**
     * Returns a short, readable type: named types by their simple name, logical types in brackets (a decimal with
     * its precision and scale), arrays, maps and unions by their parts, e.g. {@code long (timestamp-millis)},
     * {@code bytes (decimal 12,2)}, {@code array of LineItem}, {@code union of null, Address}.
     *
     * @param s the schema; never null
     * @return the type; never null
     */
    public static String typeName(Schema s) {
        return switch (s.getType()) {
            case RECORD, ENUM, FIXED -> s.getName() + logical(s.getLogicalType());
            case ARRAY -> "array of " + typeName(s.getElementType());
            case MAP -> "map of " + typeName(s.getValueType());
            case UNION ->
                "union of " + s.getTypes().stream().map(SchemaDiff::typeName).collect(Collectors.joining(", "));
            default -> s.getType().getName() + logical(s.getLogicalType());
        };
    }

    private static String logical(LogicalType type) {
        if (type == null) {
            return "";
        }
        if (type instanceof LogicalTypes.Decimal decimal) {
            return " (decimal " + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        return " (" + type.getName() + ")";
    }

    private static String kindOf(Schema s) {
        return s.getType().getName();
    }
}
