package dev.eventcontracts.server.internal.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import dev.eventcontracts.schema.SchemaReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the registry's JSON answers with Confluent's field order and inclusion rules (empty references left
 * out). Stateless and thread-safe.
 */
public final class ResponseJson {

    /** A factory with a codec, so that stored JSON ({@code metadata}) is written back as a tree. */
    private static final JsonFactory FACTORY = new MappingJsonFactory();

    private ResponseJson() {}

    /** A writer of one JSON document. */
    @FunctionalInterface
    public interface Body {
        /** Writes the document. */
        void write(JsonGenerator g) throws IOException;
    }

    /** Serializes one document. */
    public static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * {@code {"subject","version","id","guid","schemaType","references","metadata","schema","ts","deleted"}}, with
     * the stored schema text.
     */
    public static byte[] versionEntry(SchemaVersion v) {
        return versionEntry(v, v.schema());
    }

    /** A version entry whose {@code schema} is {@code schema} (the stored text in another format). */
    public static byte[] versionEntry(SchemaVersion v, String schema) {
        return write(g -> writeVersionEntry(g, v, schema));
    }

    /** Writes a version as {@code GET /subjects/{s}/versions/{v}} answers it. */
    public static void writeVersionEntry(JsonGenerator g, SchemaVersion v) throws IOException {
        writeVersionEntry(g, v, v.schema());
    }

    private static void writeVersionEntry(JsonGenerator g, SchemaVersion v, String schema) throws IOException {
        g.writeStartObject();
        writeVersionFields(g, v, schema);
        g.writeNumberField("ts", v.timestamp());
        g.writeBooleanField("deleted", v.deleted());
        g.writeEndObject();
    }

    /**
     * The fields a version entry and a lookup answer share, in Confluent's order (its {@code Schema} entity:
     * {@code metadata} between {@code references} and {@code schema}, left out when absent).
     */
    private static void writeVersionFields(JsonGenerator g, SchemaVersion v, String schema) throws IOException {
        g.writeStringField("subject", v.subject());
        g.writeNumberField("version", v.version());
        g.writeNumberField("id", v.id());
        g.writeStringField("guid", v.guid());
        g.writeStringField("schemaType", v.schemaType());
        writeReferences(g, v.references());
        writeMetadata(g, v);
        g.writeStringField("schema", schema);
    }

    /** {@code {"id","version","guid","schemaType","references","schema"}}, the answer of a registration. */
    public static byte[] registered(SchemaVersion v) {
        return registered(v, v.schema());
    }

    /** A registration's answer whose {@code schema} is {@code schema} (the stored text in another format). */
    public static byte[] registered(SchemaVersion v, String schema) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("id", v.id());
            g.writeNumberField("version", v.version());
            g.writeStringField("guid", v.guid());
            g.writeStringField("schemaType", v.schemaType());
            writeReferences(g, v.references());
            g.writeStringField("schema", schema);
            g.writeEndObject();
        });
    }

    /**
     * {@code {"subject","version","id","guid","schemaType","references","metadata","schema"}}, the answer of a
     * lookup.
     */
    public static byte[] lookedUp(SchemaVersion v) {
        return lookedUp(v, v.schema());
    }

    /** A lookup's answer whose {@code schema} is {@code schema} (the stored text in another format). */
    public static byte[] lookedUp(SchemaVersion v, String schema) {
        return write(g -> {
            g.writeStartObject();
            writeVersionFields(g, v, schema);
            g.writeEndObject();
        });
    }

    /**
     * The answer of {@code GET /schemas/ids/{id}}: {@code {"subject","version","guid","schemaType","schema",
     * "references","metadata","maxId","ts","deleted"}}; subject, version, metadata, ts and deleted come from
     * {@code holder} when it is not null, maxId only when not null.
     */
    public static byte[] schemaById(SchemaIdEntry entry, SchemaVersion holder, Integer maxId) {
        return schemaById(entry, holder, maxId, entry.schema());
    }

    /** The answer of {@code GET /schemas/ids/{id}} whose {@code schema} is {@code schema} (another format). */
    public static byte[] schemaById(SchemaIdEntry entry, SchemaVersion holder, Integer maxId, String schema) {
        return write(g -> {
            g.writeStartObject();
            if (holder != null) {
                g.writeStringField("subject", holder.subject());
                g.writeNumberField("version", holder.version());
            }
            g.writeStringField("guid", entry.guid());
            g.writeStringField("schemaType", entry.schemaType());
            g.writeStringField("schema", schema);
            writeReferences(g, entry.references());
            if (holder != null) {
                writeMetadata(g, holder);
            }
            if (maxId != null) {
                g.writeNumberField("maxId", maxId);
            }
            if (holder != null) {
                g.writeNumberField("ts", holder.timestamp());
                g.writeBooleanField("deleted", holder.deleted());
            }
            g.writeEndObject();
        });
    }

    /** Writes {@code "metadata": {...}} as stored, when the version has metadata. */
    private static void writeMetadata(JsonGenerator g, SchemaVersion v) throws IOException {
        var metadata = v.metadata();
        if (metadata != null) {
            g.writeFieldName("metadata");
            g.writeTree(metadata);
        }
    }

    /** Writes {@code "references": [...]} unless the list is empty. */
    public static void writeReferences(JsonGenerator g, List<SchemaReference> references) throws IOException {
        if (references.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("references");
        for (SchemaReference r : references) {
            g.writeStartObject();
            g.writeStringField("name", r.name());
            g.writeStringField("subject", r.subject());
            g.writeNumberField("version", r.version());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
