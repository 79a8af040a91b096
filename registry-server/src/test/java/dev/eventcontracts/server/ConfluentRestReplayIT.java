package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.server.internal.store.ConfluentFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The strongest proof of "Confluent's REST API, exactly": replays every request of the scenario a real
 * Confluent Schema Registry 8.3.1 answered ({@code confluent-8.3.1/rest-state.json}, {@code steps}) against a
 * fresh registry of ours on a real broker and asserts the same status and the same JSON body (only {@code ts}
 * ignored: it is the time of writing); then asserts the final state section the same way.
 *
 * <p>The fixture's final state also holds what Confluent's serializer registered after the steps (ids 8 under a
 * second subject, 11–13); those registrations are replayed from the fixture's {@code _schemas} records.
 */
@KafkaIntegrationTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfluentRestReplayIT {

    private final JsonNode fixture = ConfluentFixture.restState();
    private final KafkaCluster kafka;
    private RegistryServer server;
    private Rest rest;

    ConfluentRestReplayIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @BeforeAll
    void startRegistry() {
        server = TestServers.onKafka(kafka.bootstrapServers(), Map.of());
        rest = new Rest(server.url());
    }

    @AfterAll
    void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void everyStep_answersConfluentsStatusAndBody() {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode step : fixture.get("steps")) {
            String[] request = step.get("request").asText().split(" ", 2);
            JsonNode body = step.get("body");
            Rest.Answer answer =
                    rest.send(request[0], request[1], body == null || body.isNull() ? null : body, Rest.CONTENT_TYPE);
            if (answer.status() != step.get("status").asInt()
                    || !withoutOurExtensions(answer.json()).equals(withoutTs(step.get("response")))) {
                mismatches.add(step.get("step").asText() + ": expected " + step.get("status") + " "
                        + step.get("response") + "\n   but was " + answer.status() + " " + answer.text());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(2)
    void refusedRegistration_keepsConfluentsMessage_andNamesTheField() {
        JsonNode refused = null;
        for (JsonNode step : fixture.get("steps")) {
            if (step.get("status").asInt() == 409) {
                refused = step;
            }
        }
        assertThat(refused).as("the fixture records a refused registration").isNotNull();
        String[] request = refused.get("request").asText().split(" ", 2);

        Rest.Answer answer = rest.send(request[0], request[1], refused.get("body"), Rest.CONTENT_TYPE);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("message"))
                .isEqualTo(refused.get("response").get("message"));
        JsonNode violation = answer.json().get("violations").get(0);
        assertThat(violation.get("field").asText()).isEqualTo("Simple.a");
        assertThat(violation.get("path").asText()).isEqualTo("/fields/0/type");
        assertThat(violation.get("rule").asText()).isEqualTo("FIELD_TYPE_CHANGED");
        assertThat(violation.get("oldVersion").asInt()).isEqualTo(2);
        assertThat(violation.get("fix").asText()).isNotBlank();
    }

    @Test
    @Order(3)
    void serializerRegistrations_getConfluentsIds() {
        for (ConfluentFixture.FixtureRecord record : serializerRegistrations()) {
            JsonNode value = read(record.value());
            Rest.Answer answer = rest.register(
                    value.get("subject").asText(), value.get("schema").asText());
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("id").asInt())
                    .isEqualTo(value.get("id").asInt());
            assertThat(answer.json().get("version").asInt())
                    .isEqualTo(value.get("version").asInt());
        }
    }

    @Test
    @Order(4)
    void finalSubjectLists_equalConfluents() {
        assertSame("/subjects?deleted=true", 200, fixture.get("subjects"));
        assertSame("/subjects", 200, fixture.get("subjects_live"));
        assertSame("/config", 200, fixture.get("global_config"));
        assertSame("/mode", 200, fixture.get("global_mode"));
    }

    @Test
    @Order(5)
    void finalVersionsConfigsAndModes_equalConfluents() {
        Iterator<Map.Entry<String, JsonNode>> subjects = fixture.get("versions").fields();
        while (subjects.hasNext()) {
            Map.Entry<String, JsonNode> subject = subjects.next();
            String s = subject.getKey();
            JsonNode expected = subject.getValue();
            assertSame("/subjects/" + s + "/versions?deleted=true", 200, expected.get("all"));
            JsonNode live = expected.get("live");
            assertSame("/subjects/" + s + "/versions", live.has("error_code") ? 404 : 200, live);
            Iterator<Map.Entry<String, JsonNode>> entries =
                    expected.get("entries").fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                assertSame("/subjects/" + s + "/versions/" + entry.getKey() + "?deleted=true", 200, entry.getValue());
            }
            assertSame("/config/" + s, expected.get("config").has("error_code") ? 404 : 200, expected.get("config"));
            assertSame("/mode/" + s, expected.get("mode").has("error_code") ? 404 : 200, expected.get("mode"));
        }
    }

    @Test
    @Order(6)
    void finalSchemasById_equalConfluents() {
        Iterator<Map.Entry<String, JsonNode>> ids = fixture.get("schemas_by_id").fields();
        while (ids.hasNext()) {
            Map.Entry<String, JsonNode> id = ids.next();
            assertSame("/schemas/ids/" + id.getKey(), 200, id.getValue());
            // soft-deleted versions included, as the fixture lists them
            assertSame(
                    "/schemas/ids/" + id.getKey() + "/versions?deleted=true",
                    200,
                    fixture.get("ids_versions").get(id.getKey()));
        }
        assertThat(rest.get("/schemas/ids/10").errorCode())
                .as("the hard-deleted id")
                .isEqualTo(40403);
    }

    private void assertSame(String path, int status, JsonNode expected) {
        Rest.Answer answer = rest.get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer.text()).isEqualTo(status);
        assertThat(withoutTs(answer.json())).as("GET %s", path).isEqualTo(withoutTs(expected));
    }

    /** The SCHEMA records written after the last step (Confluent's serializer auto-registering). */
    private static List<ConfluentFixture.FixtureRecord> serializerRegistrations() {
        List<ConfluentFixture.FixtureRecord> records = ConfluentFixture.schemasTopic();
        int lastMode = 0;
        for (int i = 0; i < records.size(); i++) {
            if (new String(records.get(i).key(), StandardCharsets.UTF_8).contains("\"MODE\"")) {
                lastMode = i;
            }
        }
        List<ConfluentFixture.FixtureRecord> registrations = new ArrayList<>();
        for (ConfluentFixture.FixtureRecord r : records.subList(lastMode + 1, records.size())) {
            if (new String(r.key(), StandardCharsets.UTF_8).contains("\"SCHEMA\"") && r.value() != null) {
                registrations.add(r);
            }
        }
        return registrations;
    }

    private static JsonNode read(byte[] json) {
        try {
            return Rest.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Our answer less {@code ts} and the {@code violations} array that our 409 bodies add beside Confluent's exact
     * {@code message} to name each field (Confluent's clients ignore unknown fields).
     */
    private static JsonNode withoutOurExtensions(JsonNode node) {
        JsonNode copy = withoutTs(node);
        if (copy instanceof ObjectNode object) {
            object.remove("violations");
        }
        return copy;
    }

    private static JsonNode withoutTs(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("ts");
        }
        node.forEach(ConfluentRestReplayIT::strip);
    }
}
