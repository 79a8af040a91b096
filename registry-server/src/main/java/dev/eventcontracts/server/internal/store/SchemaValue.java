package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.Objects;

/**
 * One version of a subject, as Confluent stores it:
 * {@code {"subject":"s","version":1,"id":1,"schemaType":"AVRO","references":[…],"schema":"…","deleted":false}}.
 *
 * @param subject the subject; never null
 * @param version the version, from 1
 * @param id the global schema id
 * @param schemaType the schema type ({@code AVRO} for everything this registry writes); never null
 * @param references the references, in order; never null (an empty list is not written)
 * @param schema the schema text exactly as registered; never null
 * @param deleted whether this version is soft-deleted
 * @param extras fields this registry does not model (see {@link RegistryValue#extras()})
 */
public record SchemaValue(
        String subject,
        int version,
        int id,
        String schemaType,
        List<SchemaReference> references,
        String schema,
        boolean deleted,
        ObjectNode extras)
        implements RegistryValue {

    /** Validates and copies. */
    public SchemaValue {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        schemaType = schemaType == null ? "AVRO" : schemaType;
        references = references == null ? List.of() : List.copyOf(references);
        extras = Extras.copy(extras);
    }

    /** A schema value without unmodelled fields (what this registry writes). */
    public SchemaValue(
            String subject,
            int version,
            int id,
            String schemaType,
            List<SchemaReference> references,
            String schema,
            boolean deleted) {
        this(subject, version, id, schemaType, references, schema, deleted, null);
    }

    @Override
    public ObjectNode extras() {
        return extras.deepCopy();
    }

    /** This value with {@code deleted} set, keeping everything else (a soft delete writes this). */
    public SchemaValue withDeleted(boolean newDeleted) {
        return new SchemaValue(subject, version, id, schemaType, references, schema, newDeleted, extras);
    }
}
