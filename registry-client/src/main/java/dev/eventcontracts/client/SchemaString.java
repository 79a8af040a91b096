package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code GET /schemas/ids/{id}}: {@code {"schema": "...", "schemaType": "...", "references": [...]}}.
 *
 * @param schema the schema text as the registry stores it; never null
 * @param schemaType the schema type; {@code AVRO} when the registry left it out
 * @param references the references; empty when the registry left them out
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaString(String schema, String schemaType, List<SchemaReference> references) {

    /** Applies the defaults of absent fields. */
    public SchemaString {
        Objects.requireNonNull(schema, "schema");
        schemaType = schemaType == null ? AvroSchema.TYPE : schemaType;
        references = references == null ? List.of() : List.copyOf(references);
    }
}
