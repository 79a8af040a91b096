package dev.eventcontracts.server.internal.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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

    private static final JsonFactory FACTORY = new JsonFactory();

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

    /** {@code {"subject","version","id","guid","schemaType","references","schema","ts","deleted"}}. */
    static byte[] versionEntry(SchemaVersion v) {
        return write(g -> writeVersionEntry(g, v));
    }

    /** Writes a version as {@code GET /subjects/{s}/versions/{v}} answers it. */
    public static void writeVersionEntry(JsonGenerator g, SchemaVersion v) throws IOException {
        g.writeStartObject();
        writeVersionFields(g, v);
        g.writeNumberField("ts", v.timestamp());
        g.writeBooleanField("deleted", v.deleted());
        g.writeEndObject();
    }

    /** The fields a version entry and a lookup answer share, in Confluent's order. */
    private static void writeVersionFields(JsonGenerator g, SchemaVersion v) throws IOException {
        g.writeStringField("subject", v.subject());
        g.writeNumberField("version", v.version());
        g.writeNumberField("id", v.id());
        g.writeStringField("guid", v.guid());
        g.writeStringField("schemaType", v.schemaType());
        writeReferences(g, v.references());
        g.writeStringField("schema", v.schema());
    }

    /** {@code {"id","version","guid","schemaType","references","schema"}}, the answer of a registration. */
    static byte[] registered(SchemaVersion v) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("id", v.id());
            g.writeNumberField("version", v.version());
            g.writeStringField("guid", v.guid());
            g.writeStringField("schemaType", v.schemaType());
            writeReferences(g, v.references());
            g.writeStringField("schema", v.schema());
            g.writeEndObject();
        });
    }

    /** {@code {"subject","version","id","guid","schemaType","references","schema"}}, the answer of a lookup. */
    static byte[] lookedUp(SchemaVersion v) {
        return write(g -> {
            g.writeStartObject();
            writeVersionFields(g, v);
            g.writeEndObject();
        });
    }

    /**
     * The answer of {@code GET /schemas/ids/{id}}: {@code {"subject","version","guid","schemaType","schema",
     * "references","maxId","ts","deleted"}}; subject, version, ts and deleted come from {@code holder} when it is
     * not null, maxId only when not null.
     */
    public static byte[] schemaById(SchemaIdEntry entry, SchemaVersion holder, Integer maxId) {
        return write(g -> {
            g.writeStartObject();
            if (holder != null) {
                g.writeStringField("subject", holder.subject());
                g.writeNumberField("version", holder.version());
            }
            g.writeStringField("guid", entry.guid());
            g.writeStringField("schemaType", entry.schemaType());
            g.writeStringField("schema", entry.schema());
            writeReferences(g, entry.references());
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
