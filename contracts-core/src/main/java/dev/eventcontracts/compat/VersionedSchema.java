package dev.eventcontracts.compat;

import dev.eventcontracts.schema.AvroSchema;
import java.util.Objects;

/**
 * One earlier version of a subject, the other side of a compatibility check.
 *
 * @param version the subject version number (1-based)
 * @param schema the schema registered at that version; never null
 */
public record VersionedSchema(int version, AvroSchema schema) {

    /** Checks that the schema is present. */
    public VersionedSchema {
        Objects.requireNonNull(schema, "schema");
    }
}
