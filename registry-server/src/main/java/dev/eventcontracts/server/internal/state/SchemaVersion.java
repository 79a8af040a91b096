package dev.eventcontracts.server.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.schema.SchemaReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a subject as the registry serves it. Immutable. It holds no caches, so its heap is the stored
 * record's: its answers are written per request ({@link ResponseJson}, a few microseconds) and its parsed schema
 * lives in the bounded parse cache ({@code SchemaParsing}).
 */
public final class SchemaVersion {

    private final String subject;
    private final int version;
    private final int id;
    private final String guid;
    private final String schemaType;
    private final List<SchemaReference> references;
    private final String schema;
    private final boolean deleted;
    private final long timestamp;
    private final ObjectNode extras;

    /**
     * Creates a version.
     *
     * @param subject the subject; never null
     * @param version the version, from 1
     * @param id the global schema id
     * @param guid the schema's guid (MD5 of text and references, UUID-formatted); never null
     * @param schemaType the schema type; never null
     * @param references the references in order; never null
     * @param schema the canonical schema text; never null
     * @param deleted whether the version is soft-deleted
     * @param timestamp when this instance applied the record, epoch millis (Confluent's {@code ts})
     * @param extras the stored value's fields this registry does not model ({@code metadata}, {@code ruleSet},
     *     …), kept so that a soft delete writes them back; null when there are none. Not copied: the caller hands
     *     over a node nobody changes afterwards.
     */
    public SchemaVersion(
            String subject,
            int version,
            int id,
            String guid,
            String schemaType,
            List<SchemaReference> references,
            String schema,
            boolean deleted,
            long timestamp,
            ObjectNode extras) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.version = version;
        this.id = id;
        this.guid = Objects.requireNonNull(guid, "guid");
        this.schemaType = Objects.requireNonNull(schemaType, "schemaType");
        this.references = List.copyOf(references);
        this.schema = Objects.requireNonNull(schema, "schema");
        this.deleted = deleted;
        this.timestamp = timestamp;
        this.extras = extras == null || extras.isEmpty() ? null : extras;
    }

    /** The same version with another deletion flag. */
    SchemaVersion withDeleted(boolean newDeleted, long newTimestamp) {
        return new SchemaVersion(
                subject, version, id, guid, schemaType, references, schema, newDeleted, newTimestamp, extras);
    }

    public String subject() {
        return subject;
    }

    public int version() {
        return version;
    }

    public int id() {
        return id;
    }

    public String guid() {
        return guid;
    }

    public String schemaType() {
        return schemaType;
    }

    public List<SchemaReference> references() {
        return references;
    }

    public String schema() {
        return schema;
    }

    public boolean deleted() {
        return deleted;
    }

    public long timestamp() {
        return timestamp;
    }

    /** A copy of the stored fields this registry does not model; null when there are none. */
    public ObjectNode extras() {
        return extras == null ? null : extras.deepCopy();
    }

    /**
     * The version's {@code metadata} object as Confluent stored it ({@code {"properties": {…}, …}}); null when it
     * has none.
     */
    public JsonNode metadata() {
        JsonNode metadata = extras == null ? null : extras.get("metadata");
        return metadata != null && metadata.isObject() ? metadata : null;
    }

    /**
     * The {@code metadata.properties} of this version as Confluent reads them: empty when the metadata has no
     * properties, null when the version has no metadata at all.
     */
    public Map<String, String> metadataProperties() {
        JsonNode metadata = metadata();
        if (metadata == null) {
            return null;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        metadata.path("properties")
                .properties()
                .forEach(e -> properties.put(e.getKey(), e.getValue().asText()));
        return properties;
    }

    @Override
    public String toString() {
        return "SchemaVersion{subject=" + subject + ", version=" + version + ", id=" + id + ", deleted=" + deleted
                + "}";
    }
}
