package dev.eventcontracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a real Confluent Schema Registry 8.3.1 stored and answered (test resource {@code fixtures/confluent-8.3.1/
 * rest-state.json}, copied unchanged from the recorded Confluent 8.3.1 session): the ground truth the schema model
 * and the Confluent rendering are tested against.
 */
public final class ConfluentFixture {

    private final JsonNode root;

    private ConfluentFixture(JsonNode root) {
        this.root = root;
    }

    /** Loads the fixture from the test class path. */
    public static ConfluentFixture load() {
        try (InputStream in = ConfluentFixture.class.getResourceAsStream("/fixtures/confluent-8.3.1/rest-state.json")) {
            return new ConfluentFixture(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the scenario step with this name (request body, status, response). */
    public JsonNode step(String name) {
        for (JsonNode step : root.path("steps")) {
            if (step.path("step").asText().equals(name)) {
                return step;
            }
        }
        throw new IllegalArgumentException("no step '" + name + "' in the fixture");
    }

    /** Returns the ids of all stored schemas. */
    public List<Integer> schemaIds() {
        List<Integer> ids = new ArrayList<>();
        root.path("schemas_by_id").fieldNames().forEachRemaining(id -> ids.add(Integer.valueOf(id)));
        return ids;
    }

    /** Returns Confluent's answer to {@code GET /schemas/ids/{id}}. */
    public JsonNode schemaById(int id) {
        return root.path("schemas_by_id").path(Integer.toString(id));
    }

    /** Returns the stored schema of a subject version. */
    public JsonNode version(String subject, int version) {
        return root.path("versions").path(subject).path("entries").path(Integer.toString(version));
    }

    /** Parses a stored entry (schema text and references), resolving references transitively from the fixture. */
    public AvroSchema parse(JsonNode entry) {
        return parse(entry.path("schema").asText(), entry.path("references"));
    }

    /** Parses a schema text with references given as Confluent's JSON array, resolving them from the fixture. */
    public AvroSchema parse(String schemaText, JsonNode referencesJson) {
        List<SchemaReference> refs = references(referencesJson);
        Map<String, String> resolved = new LinkedHashMap<>();
        resolve(refs, resolved);
        return AvroSchema.parse(schemaText, refs, resolved);
    }

    private void resolve(List<SchemaReference> refs, Map<String, String> resolved) {
        for (SchemaReference ref : refs) {
            JsonNode entry = version(ref.subject(), ref.version());
            resolve(references(entry.path("references")), resolved);
            resolved.putIfAbsent(ref.name(), entry.path("schema").asText());
        }
    }

    private static List<SchemaReference> references(JsonNode json) {
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode r : json) {
            refs.add(new SchemaReference(
                    r.path("name").asText(),
                    r.path("subject").asText(),
                    r.path("version").asInt()));
        }
        return refs;
    }
}
