package dev.eventcontracts.server.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.server.internal.state.ResponseJson;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Answers that are serialized per request (the frequent ones are cached on the state objects instead). */
final class ResponseBodies {

    private ResponseBodies() {}

    static byte[] error(int errorCode, String message) {
        return error(errorCode, message, List.of());
    }

    /**
     * An error body; with violations (a refused registration) it also names each field: Confluent's
     * {@code message} stays exactly Confluent's text, and the extra {@code violations} array, which Confluent's
     * clients ignore, carries our field path, rule and fix for each finding.
     */
    static byte[] error(int errorCode, String message, List<Violation> violations) {
        return ResponseJson.write(g -> {
            g.writeStartObject();
            g.writeNumberField("error_code", errorCode);
            g.writeStringField("message", message);
            writeViolations(g, violations);
            g.writeEndObject();
        });
    }

    static void writeViolations(JsonGenerator g, List<Violation> violations) throws IOException {
        if (violations.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("violations");
        for (Violation v : violations) {
            g.writeStartObject();
            g.writeStringField("rule", v.rule().name());
            g.writeStringField("direction", v.direction().name());
            g.writeNumberField("oldVersion", v.oldVersion());
            g.writeStringField("field", v.fieldPath());
            g.writeStringField("path", v.jsonPointer());
            g.writeStringField("message", v.message());
            g.writeStringField("fix", v.fixHint());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static byte[] field(String name, String value) {
        return ResponseJson.write(g -> {
            g.writeStartObject();
            g.writeStringField(name, value);
            g.writeEndObject();
        });
    }

    static byte[] versionEntries(List<SchemaVersion> versions) {
        return ResponseJson.write(g -> {
            g.writeStartArray();
            for (SchemaVersion v : versions) {
                ResponseJson.writeVersionEntry(g, v);
            }
            g.writeEndArray();
        });
    }

    static byte[] subjectVersions(List<Map.Entry<String, Integer>> pairs) {
        return ResponseJson.write(g -> {
            g.writeStartArray();
            for (Map.Entry<String, Integer> p : pairs) {
                g.writeStartObject();
                g.writeStringField("subject", p.getKey());
                g.writeNumberField("version", p.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static byte[] compatibility(boolean compatible, List<String> messagesOrNull, List<Violation> violations) {
        return ResponseJson.write(g -> {
            g.writeStartObject();
            g.writeBooleanField("is_compatible", compatible);
            if (messagesOrNull != null) {
                g.writeArrayFieldStart("messages");
                for (String m : messagesOrNull) {
                    g.writeString(m);
                }
                g.writeEndArray();
                writeViolations(g, violations);
            }
            g.writeEndObject();
        });
    }
}
