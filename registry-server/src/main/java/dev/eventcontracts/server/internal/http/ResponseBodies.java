package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.state.ResponseJson;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import java.util.List;
import java.util.Map;

/** Answers that are serialized per request (the frequent ones are cached on the state objects instead). */
final class ResponseBodies {

    private ResponseBodies() {
    }

    static byte[] error(int errorCode, String message) {
        return ResponseJson.write(g -> {
            g.writeStartObject();
            g.writeNumberField("error_code", errorCode);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
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

    static byte[] compatibility(boolean compatible, List<String> messagesOrNull) {
        return ResponseJson.write(g -> {
            g.writeStartObject();
            g.writeBooleanField("is_compatible", compatible);
            if (messagesOrNull != null) {
                g.writeArrayFieldStart("messages");
                for (String m : messagesOrNull) {
                    g.writeString(m);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }
}
