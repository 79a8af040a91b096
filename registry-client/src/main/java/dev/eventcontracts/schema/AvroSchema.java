package dev.eventcontracts.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * An Avro schema as a schema registry sees it: the parsed schema, its references to named types registered
 * under other subjects, and the canonical text that identifies it.
 *
 * <p>Two instances are equal when their canonical text and their references are equal, which is what
 * Confluent Schema Registry treats as "the same schema" when it assigns ids. Instances are immutable and
 * safe to use as cache keys; the hash code is computed once.
 *
 * <p>The canonical text is Avro's {@code Schema.toString()} with referenced types written by name, not
 * inlined, exactly as Confluent stores it.
 */
public final class AvroSchema {

    /** The {@code schemaType} of Avro schemas in the registry's REST API. */
    public static final String TYPE = "AVRO";

    private final Schema schema;
    private final List<SchemaReference> references;
    private final Map<String, String> resolvedReferences;
    private final List<Schema> referencedTypes;
    private final String canonical;
    private final int hash;

    private AvroSchema(Schema schema, List<SchemaReference> references, Map<String, String> resolvedReferences,
            List<Schema> referencedTypes) {
        this.schema = schema;
        this.references = List.copyOf(references);
        this.resolvedReferences = Collections.unmodifiableMap(new LinkedHashMap<>(resolvedReferences));
        this.referencedTypes = List.copyOf(referencedTypes);
        this.canonical = referencedTypes.isEmpty() ? schema.toString() : schema.toString(referencedTypes, false);
        this.hash = Objects.hash(canonical, this.references);
    }

    /**
     * Parses a schema without references.
     *
     * @param schemaText the schema's JSON text; never null
     * @return the parsed schema
     * @throws InvalidSchemaException when the text is not a valid Avro schema
     */
    public static AvroSchema parse(String schemaText) {
        return parse(schemaText, List.of(), Map.of());
    }

    /**
     * Parses a schema that refers to named types registered under other subjects.
     *
     * @param schemaText the schema's JSON text; never null
     * @param references the references as registered; never null, may be empty
     * @param resolvedReferences the schema texts the references resolve to, keyed by type name, in an order
     *     where every type comes after the types it uses (transitive references included); never null
     * @return the parsed schema
     * @throws InvalidSchemaException when the text or a referenced text is not valid Avro, or a name is
     *     missing
     */
    public static AvroSchema parse(String schemaText, List<SchemaReference> references,
            Map<String, String> resolvedReferences) {
        Objects.requireNonNull(schemaText, "schemaText");
        Schema.Parser parser = new Schema.Parser().setValidateDefaults(true);
        List<Schema> referenced = new ArrayList<>();
        for (Map.Entry<String, String> ref : resolvedReferences.entrySet()) {
            try {
                referenced.add(parser.parse(ref.getValue()));
            } catch (SchemaParseException | NullPointerException e) {
                throw new InvalidSchemaException(
                        "Invalid referenced schema '" + ref.getKey() + "': " + e.getMessage(), e);
            }
        }
        Schema parsed;
        try {
            parsed = parser.parse(schemaText);
        } catch (SchemaParseException | NullPointerException | IllegalArgumentException e) {
            throw new InvalidSchemaException("Invalid schema " + schemaText + ", details: " + e.getMessage(), e);
        }
        return new AvroSchema(parsed, references, resolvedReferences, referenced);
    }

    /**
     * Wraps an already parsed schema without references, e.g. the {@code SCHEMA$} of a generated class.
     *
     * @param schema the schema; never null
     * @return the wrapped schema
     */
    public static AvroSchema of(Schema schema) {
        return new AvroSchema(Objects.requireNonNull(schema, "schema"), List.of(), Map.of(), List.of());
    }

    /** Returns the parsed Avro schema; never null. */
    public Schema rawSchema() {
        return schema;
    }

    /** Returns the canonical text, as the registry stores and compares it; never null. */
    public String canonicalString() {
        return canonical;
    }

    /** Returns the references, in registration order; never null. */
    public List<SchemaReference> references() {
        return references;
    }

    /** Returns the referenced schema texts keyed by type name, dependencies first; never null. */
    public Map<String, String> resolvedReferences() {
        return resolvedReferences;
    }

    /** Returns the parsed referenced named types, dependencies first; never null. */
    public List<Schema> referencedTypes() {
        return referencedTypes;
    }

    /** Returns the full name of a named type, or the type's name ({@code "string"}, {@code "union"}). */
    public String name() {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> schema.getType().getName();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvroSchema other && hash == other.hash && canonical.equals(other.canonical)
                && references.equals(other.references);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return canonical;
    }
}
