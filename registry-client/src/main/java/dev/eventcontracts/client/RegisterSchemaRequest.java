package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.Objects;

/**
 * The body of a registration, a lookup ({@code POST /subjects/{subject}}) or a compatibility check, spelled
 * as Confluent's REST API spells it: {@code {"schema": "...", "schemaType": "...", "references": [...]}}.
 *
 * <p>Empty parts are left out of the JSON: no {@code schemaType} means {@code AVRO}, no {@code references}
 * means none. {@code id} and {@code version} are only sent when given (registries in {@code IMPORT} mode
 * accept them).
 *
 * @param schema the schema text; never null
 * @param schemaType the schema type ({@code AVRO}, {@code JSON}, {@code PROTOBUF}), or null for Avro
 * @param references the references; null is read as none
 * @param version the version to create, or null to let the registry choose
 * @param id the id to use, or null to let the registry choose
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterSchemaRequest(
        String schema, String schemaType, List<SchemaReference> references, Integer version, Integer id) {

    /** Checks that the schema text is present and copies the references. */
    public RegisterSchemaRequest {
        Objects.requireNonNull(schema, "schema");
        references = references == null ? List.of() : List.copyOf(references);
    }

    /**
     * Builds the request for an Avro schema: its canonical text and its references, no {@code schemaType}.
     *
     * @param schema the schema; never null
     * @return the request; never null
     */
    public static RegisterSchemaRequest of(AvroSchema schema) {
        return new RegisterSchemaRequest(schema.canonicalString(), null, schema.references(), null, null);
    }

    /**
     * Builds a request from a schema text and its references.
     *
     * @param schema the schema text; never null
     * @param schemaType the schema type, or null for Avro
     * @param references the references; null means none
     * @return the request; never null
     */
    public static RegisterSchemaRequest of(String schema, String schemaType, List<SchemaReference> references) {
        return new RegisterSchemaRequest(schema, schemaType, references, null, null);
    }
}
