package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.schema.SchemaReference;
import java.util.List;

/**
 * A schema as a client sends it to register, look up or check it ({@code RegisterSchemaRequest} in Confluent).
 *
 * @param schema the schema text; null or blank when absent
 * @param schemaType the schema type; null means {@code AVRO}
 * @param references the references; never null, may be empty
 * @param id the id to register with (IMPORT mode); null when absent
 * @param version the version to register as (IMPORT mode); null when absent
 */
public record SchemaRequest(
        String schema, String schemaType, List<SchemaReference> references, Integer id, Integer version) {

    /** Copies the references. */
    public SchemaRequest {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Whether the schema text is missing or blank. */
    public boolean isEmpty() {
        return schema == null || schema.isBlank();
    }

    /** This request with another text and references (used when a previous version fills an empty request). */
    public SchemaRequest withSchema(String newSchema, List<SchemaReference> newReferences) {
        return new SchemaRequest(newSchema, schemaType, newReferences, id, version);
    }
}
