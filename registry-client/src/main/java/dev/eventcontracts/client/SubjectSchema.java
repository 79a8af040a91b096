package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.Objects;

/**
 * One version of a subject as the REST API answers it ({@code GET /subjects/{subject}/versions/{version}},
 * {@code POST /subjects/{subject}}): {@code {"subject", "version", "id", "schemaType", "references", "schema"}},
 * and {@code "deleted"} from registries that send it.
 *
 * @param subject the subject; never null
 * @param version the version number
 * @param id the global schema id
 * @param schemaType the schema type; {@code AVRO} when the registry left it out
 * @param references the references; empty when the registry left them out
 * @param schema the schema text; never null
 * @param deleted whether the version is soft-deleted ({@code false} when the registry did not say)
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectSchema(
        String subject,
        int version,
        int id,
        String schemaType,
        List<SchemaReference> references,
        String schema,
        boolean deleted) {

    /** Applies the defaults of absent fields. */
    public SubjectSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        schemaType = schemaType == null ? AvroSchema.TYPE : schemaType;
        references = references == null ? List.of() : List.copyOf(references);
    }
}
