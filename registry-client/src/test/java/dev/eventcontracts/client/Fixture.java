package dev.eventcontracts.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What a real Confluent Schema Registry 8.3.1 answered ({@code confluent-8.3.1/rest-state.json}, recorded from
 * one), served by a {@link FakeRegistry} so the client is tested against Confluent's exact JSON.
 */
final class Fixture {

    private final JsonNode root;

    private Fixture(JsonNode root) {
        this.root = root;
    }

    static Fixture load() {
        try (InputStream in = Fixture.class.getResourceAsStream("/confluent-8.3.1/rest-state.json")) {
            return new Fixture(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns Confluent's answer to {@code GET /schemas/ids/{id}}. */
    String schemaById(int id) {
        return root.path("schemas_by_id").path(Integer.toString(id)).toString();
    }

    /** Returns Confluent's answer to {@code GET /subjects/{subject}/versions/{version}}. */
    String version(String subject, int version) {
        return root.path("versions")
                .path(subject)
                .path("entries")
                .path(Integer.toString(version))
                .toString();
    }

    /** Returns the response body of a recorded step, e.g. {@code "incompatible register refused"}. */
    String stepResponse(String step) {
        return step(step).path("response").toString();
    }

    /** Returns the request body of a recorded step. */
    String stepRequest(String step) {
        return step(step).path("body").toString();
    }

    private JsonNode step(String step) {
        for (JsonNode s : root.path("steps")) {
            if (s.path("step").asText().equals(step)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no step " + step);
    }

    /** Scripts the server with every schema by id and every live subject version of the fixture. */
    FakeRegistry serve(FakeRegistry server) {
        for (Map.Entry<String, JsonNode> e : root.path("schemas_by_id").properties()) {
            server.on(
                    "GET",
                    "/schemas/ids/" + e.getKey(),
                    FakeRegistry.Reply.ok(e.getValue().toString()));
        }
        for (Map.Entry<String, JsonNode> subject : root.path("versions").properties()) {
            String latest = null;
            for (Map.Entry<String, JsonNode> entry :
                    subject.getValue().path("entries").properties()) {
                server.on(
                        "GET",
                        "/subjects/" + subject.getKey() + "/versions/" + entry.getKey(),
                        FakeRegistry.Reply.ok(entry.getValue().toString()));
                if (!entry.getValue().path("deleted").asBoolean()) {
                    latest = entry.getValue().toString();
                }
            }
            if (latest != null) {
                server.on("GET", "/subjects/" + subject.getKey() + "/versions/latest", FakeRegistry.Reply.ok(latest));
            }
        }
        return server;
    }
}
