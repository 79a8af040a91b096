package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.subject;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The REST layer as Confluent's: small resources, media types, malformed and mistyped bodies, unknown paths and
 * methods, all answered with JSON error bodies.
 */
@WithRegistryOnKafka
class HttpBehaviourIT {

    private final Rest rest;

    HttpBehaviourIT(Rest rest) {
        this.rest = rest;
    }

    @Test
    void root_answersAnEmptyObject() {
        assertThat(rest.get("/").text()).isEqualTo("{}");
    }

    @Test
    void metadataId_namesTheKafkaCluster() {
        Rest.Answer answer = rest.get("/v1/metadata/id");

        assertThat(answer.json().at("/scope/clusters/kafka-cluster").asText()).isNotBlank();
        assertThat(answer.json().at("/scope/clusters/schema-registry-cluster").asText())
                .isEqualTo("schema-registry");
    }

    @Test
    void metadataVersion_answersVersionAndCommit() {
        Rest.Answer answer = rest.get("/v1/metadata/version");

        assertThat(answer.json().get("version").asText()).isNotBlank();
        assertThat(answer.json().has("commitId")).isTrue();
    }

    @Test
    void contexts_answersTheDefaultContext() {
        assertThat(rest.get("/contexts").text()).isEqualTo("[\".\"]");
    }

    @Test
    void associationsOfATopic_answersAnEmptyList() {
        Rest.Answer answer = rest.get("/associations/resources/default/orders?resourceType=topic&associationTypes=key"
                + "&associationTypes=value");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("[]");
    }

    @Test
    void unknownPath_answers404JsonBody() {
        Rest.Answer answer = rest.get("/no/such/resource");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
        assertThat(answer.contentType()).isEqualTo(Rest.CONTENT_TYPE);
    }

    @Test
    void wrongMethod_answers405JsonBody() {
        Rest.Answer answer = rest.send("PATCH", "/subjects", "{}", Rest.CONTENT_TYPE);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.errorCode()).isEqualTo(405);
    }

    @Test
    void malformedJson_answers400() {
        Rest.Answer answer =
                rest.send("POST", "/subjects/" + subject() + "/versions", "{\"schema\": ", Rest.CONTENT_TYPE);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(400);
        assertThat(answer.message()).isNotBlank();
    }

    @Test
    void wrongJsonType_answers422() {
        Rest.Answer answer = rest.send(
                "POST", "/subjects/" + subject() + "/versions", "{\"schema\": {\"a\": 1}}", Rest.CONTENT_TYPE);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(422);
    }

    @Test
    void bodyThatIsNotAnObject_answers422() {
        assertThat(rest.send("PUT", "/config", "[1, 2]", Rest.CONTENT_TYPE).errorCode())
                .isEqualTo(422);
    }

    @Test
    void unknownFields_areIgnored() {
        Rest.Answer answer = rest.send(
                "POST",
                "/subjects/" + subject() + "/versions",
                "{\"schema\": \"\\\"int\\\"\", \"metadata\": {\"x\": 1}, \"somethingNew\": true}",
                Rest.CONTENT_TYPE);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void requestMediaTypes_jsonOctetStreamAndNone_areAccepted() {
        for (String type : new String[] {
            "application/json", "application/octet-stream", "application/vnd.schemaregistry+json; charset=utf-8", null
        }) {
            Rest.Answer answer =
                    rest.send("POST", "/subjects/" + subject() + "/versions", "{\"schema\": \"\\\"int\\\"\"}", type);
            assertThat(answer.status()).as(String.valueOf(type)).isEqualTo(200);
        }
    }

    @Test
    void unsupportedMediaType_answers415() {
        Rest.Answer answer = rest.send(
                "POST", "/subjects/" + subject() + "/versions", "{\"schema\": \"\\\"int\\\"\"}", "text/plain");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.errorCode()).isEqualTo(415);
    }

    @Test
    void emptyBody_answers422() {
        assertThat(rest.send("POST", "/subjects/" + subject() + "/versions", "", Rest.CONTENT_TYPE)
                        .errorCode())
                .isEqualTo(422);
    }

    @Test
    void bodyOverTheLimit_answers413JsonBody() {
        Rest.Answer answer =
                rest.send("POST", "/subjects/" + subject() + "/versions", new byte[3 * 1024 * 1024], Rest.CONTENT_TYPE);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo(413);
    }

    @Test
    void subjectWithEncodedSlash_isOneSubject() {
        Rest.Answer answer = rest.register("team%2Forders-value", "\"int\"");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(rest.get("/subjects/team%2Forders-value/versions/1")
                        .json()
                        .get("subject")
                        .asText())
                .isEqualTo("team/orders-value");
    }

    @Test
    void trailingSlash_isIgnored() {
        assertThat(rest.get("/schemas/types/").status()).isEqualTo(200);
    }
}
