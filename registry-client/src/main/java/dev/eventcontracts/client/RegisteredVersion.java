package dev.eventcontracts.client;

import dev.eventcontracts.schema.AvroSchema;
import java.util.Objects;

/**
 * One version of a subject with its parsed schema (references resolved).
 *
 * @param subject the subject; never null
 * @param version the version number, 1-based
 * @param id the global schema id
 * @param schema the parsed schema with its references; never null
 */
public record RegisteredVersion(String subject, int version, int id, AvroSchema schema) {

    /** Checks that subject and schema are present. */
    public RegisteredVersion {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
