package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.intField;
import static dev.eventcontracts.server.Schemas.record;
import static dev.eventcontracts.server.Schemas.subject;
import static dev.eventcontracts.server.Schemas.withOptionalInt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code POST /compatibility/subjects/{s}/versions[/{v}]}, over HTTP, on Kafka. */
@WithRegistryOnKafka
class CompatibilityApiIT {

    private final Rest rest;

    CompatibilityApiIT(Rest rest) {
        this.rest = rest;
    }

    @Test
    void checkLatest_compatibleSchema_answersTrue() {
        String s = subject();
        rest.register(s, record("Ok", "a"));

        Rest.Answer answer = rest.post(
                "/compatibility/subjects/" + s + "/versions/latest", Rest.schemaBody(withOptionalInt("Ok", "b", "a")));

        assertThat(answer.text()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void checkLatest_incompatibleSchema_answersFalse() {
        String s = subject();
        rest.register(s, record("Bad", "a"));

        Rest.Answer answer =
                rest.post("/compatibility/subjects/" + s + "/versions/latest", Rest.schemaBody(intField("Bad")));

        assertThat(answer.text()).isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void checkVerbose_incompatibleSchema_answersConfluentsMessages() {
        String s = subject();
        rest.register(s, record("Verbose", "a"));

        Rest.Answer answer = rest.post(
                "/compatibility/subjects/" + s + "/versions/1?verbose=true", Rest.schemaBody(intField("Verbose")));

        assertThat(answer.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(answer.json().get("messages").get(0).asText()).startsWith("{errorType:'TYPE_MISMATCH'");
        assertThat(answer.json().get("messages").toString())
                .contains("{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'BACKWARD'}");
        JsonNode violation = answer.json().get("violations").get(0);
        assertThat(violation.get("field").asText()).isEqualTo("Verbose.a");
        assertThat(violation.get("rule").asText()).isEqualTo("FIELD_TYPE_CHANGED");
        assertThat(violation.get("oldVersion").asInt()).isEqualTo(1);
    }

    @Test
    void checkVerbose_compatibleSchema_answersEmptyMessages() {
        String s = subject();
        rest.register(s, record("Fine", "a"));

        Rest.Answer answer = rest.post(
                "/compatibility/subjects/" + s + "/versions?verbose=true", Rest.schemaBody(record("Fine", "a")));

        assertThat(answer.text()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
    }

    @Test
    void checkAll_subjectWithoutVersions_answersTrue() {
        Rest.Answer answer =
                rest.post("/compatibility/subjects/" + subject() + "/versions", Rest.schemaBody(record("First", "a")));

        assertThat(answer.text()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void checkAll_ignoresSoftDeletedVersions() {
        String s = subject();
        rest.register(s, record("Ignored", "a"));
        rest.put("/config/" + s, Rest.MAPPER.createObjectNode().put("compatibility", "NONE"));
        rest.register(s, intField("Ignored"));
        rest.delete("/config/" + s);
        rest.delete("/subjects/" + s + "/versions/1");

        Rest.Answer answer =
                rest.post("/compatibility/subjects/" + s + "/versions", Rest.schemaBody(intField("Ignored")));

        assertThat(answer.text()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void checkVersion_unknownVersion_answers40402() {
        String s = subject();
        rest.register(s, record("V", "a"));

        Rest.Answer answer = rest.post("/compatibility/subjects/" + s + "/versions/5", Rest.schemaBody("\"int\""));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40402);
    }

    @Test
    void checkVersion_invalidVersion_answers42202() {
        assertThat(rest.post("/compatibility/subjects/x/versions/zero", Rest.schemaBody("\"int\""))
                        .errorCode())
                .isEqualTo(42202);
    }

    @Test
    void check_invalidSchema_answers42201() {
        assertThat(rest.post(
                                "/compatibility/subjects/" + subject() + "/versions",
                                Rest.schemaBody("{\"type\":\"enum\"}"))
                        .errorCode())
                .isEqualTo(42201);
    }
}
