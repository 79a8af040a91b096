package dev.eventcontracts.schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * An Avro schema as a schema registry sees it: the parsed schema, its references to named types registered
 * under other subjects, and the canonical text that identifies it.
 *
 * <p>Two instances are equal when their canonical text and their references are equal, which is what
 * Confluent Schema Registry treats as "the same schema" when it assigns ids: its lookup hashes exactly these
 * (see {@link #fingerprint()}). Instances are immutable and safe to use as cache keys; the hash code is
 * computed once.
 *
 * <p>The canonical text is Avro's {@code Schema.toString()} with referenced types written by name, not
 * inlined, exactly as Confluent stores it.
 */
public final class AvroSchema {

    /** The {@code schemaType} of Avro schemas in the registry's REST API. */
    public static final String TYPE = "AVRO";

    /** Confluent's order of references in a normalized schema: by subject, then version. */
    private static final Comparator<SchemaReference> CONFLUENT_REFERENCE_ORDER =
            Comparator.comparing(SchemaReference::subject).thenComparingInt(SchemaReference::version);

    private final Schema schema;
    private final List<SchemaReference> references;
    private final Map<String, String> resolvedReferences;
    private final List<Schema> referencedTypes;
    private final String canonical;
    private final int hash;
    private volatile byte[] md5;

    // Schema.toString(Collection, boolean) is deprecated in Avro 1.12, but it is exactly what Confluent calls to
    // write referenced types by name; the canonical text must stay byte-identical to Confluent's.
    @SuppressWarnings("deprecation")
    private AvroSchema(
            Schema schema,
            List<SchemaReference> references,
            Map<String, String> resolvedReferences,
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
     * <p>Names are validated strictly and field defaults are checked against their types. The referenced
     * texts may come in any order; transitive references (a referenced type using another) must all be
     * present.
     *
     * @param schemaText the schema's JSON text; never null
     * @param references the references as registered; never null, may be empty
     * @param resolvedReferences the schema texts the references resolve to, keyed by type name, preferably in
     *     an order where every type comes after the types it uses (transitive references included); never null
     * @return the parsed schema
     * @throws InvalidSchemaException when the text or a referenced text is not valid Avro, or a name is
     *     missing
     */
    public static AvroSchema parse(
            String schemaText, List<SchemaReference> references, Map<String, String> resolvedReferences) {
        Objects.requireNonNull(schemaText, "schemaText");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(resolvedReferences, "resolvedReferences");
        ReferenceParser.Parsed parsed = ReferenceParser.parse(schemaText, resolvedReferences);
        return new AvroSchema(parsed.schema(), references, resolvedReferences, parsed.referenced());
    }

    /**
     * Wraps an already parsed schema without references, e.g. the {@code SCHEMA$} of a generated class.
     *
     * <p>The {@code avro.java.string} property, which code generation with {@code stringType=String} adds to
     * every string, is removed: it is a Java code generation hint, not part of the contract, so a generated
     * class's schema equals the {@code .avsc} it was generated from.
     *
     * @param schema the schema; never null
     * @return the wrapped schema
     */
    public static AvroSchema of(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        return new AvroSchema(JavaStringProperty.strip(schema), List.of(), Map.of(), List.of());
    }

    /** Returns the parsed Avro schema, referenced types included; never null. */
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

    /**
     * Returns this schema normalized as Confluent Schema Registry does for {@code normalize=true}: custom
     * properties, aliases and the keys of default values sorted, named types written once by full name,
     * {@code doc} of named types dropped when empty, references sorted by subject and version and
     * de-duplicated.
     *
     * <p>Schemas that differ only in those respects normalize to equal instances.
     *
     * @return the normalized schema, with the same resolved references; never null
     * @since 0.1.0
     */
    public AvroSchema normalize() {
        String text = Normalizer.normalizedText(schema, referencedTypes);
        List<SchemaReference> refs =
                references.stream().sorted(CONFLUENT_REFERENCE_ORDER).distinct().toList();
        return parse(text, refs, resolvedReferences);
    }

    /**
     * Returns the MD5 of the canonical text and the references as 32 lower-case hex digits: the identity
     * Confluent Schema Registry uses to find an already registered schema.
     *
     * <p>The digest covers the canonical text (UTF-8), then for each reference in order its name and subject
     * (UTF-8) and its version (4 bytes, big-endian).
     *
     * @return the fingerprint; never null
     * @since 0.1.0
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(md5());
    }

    /**
     * Returns the {@code guid} Confluent Schema Registry answers for this schema in its REST API: the
     * {@link #fingerprint()} written as a UUID ({@code 8-4-4-4-12} hex digits).
     *
     * @return the guid, e.g. {@code 3da18157-13d7-cc8c-ef32-f693caed15fb}; never null
     * @since 0.1.0
     */
    public String guid() {
        String hex = fingerprint();
        return hex.substring(0, 8)
                + '-'
                + hex.substring(8, 12)
                + '-'
                + hex.substring(12, 16)
                + '-'
                + hex.substring(16, 20)
                + '-'
                + hex.substring(20);
    }

    private byte[] md5() {
        byte[] digest = md5;
        if (digest == null) {
            MessageDigest md = md5Digest();
            md.update(canonical.getBytes(StandardCharsets.UTF_8));
            for (SchemaReference ref : references) {
                md.update(ref.name().getBytes(StandardCharsets.UTF_8));
                md.update(ref.subject().getBytes(StandardCharsets.UTF_8));
                md.update(
                        ByteBuffer.allocate(Integer.BYTES).putInt(ref.version()).array());
            }
            digest = md.digest();
            md5 = digest;
        }
        return digest.clone();
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides MD5", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvroSchema other
                && hash == other.hash
                && canonical.equals(other.canonical)
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
