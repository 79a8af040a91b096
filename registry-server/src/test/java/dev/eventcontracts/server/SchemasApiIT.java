package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.record;
import static dev.eventcontracts.server.Schemas.subject;
import static dev.eventcontracts.server.Schemas.withOptionalInt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /schemas…}: by id, by guid, listings and types, over HTTP, on Kafka. */
@WithRegistryOnKafka
class SchemasApiIT {

    private final Rest rest;

    SchemasApiIT(Rest rest) {
        this.rest = rest;
    }

    @Test
    void schemaTypes_answersAvro() {
        assertThat(rest.get("/schemas/types").text()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void schemaById_answersTheSchemaWithTheSubjectHoldingIt() {
        String s = subject();
        int id = registerId(s, record("ById", "a"));

        JsonNode answer = rest.get("/schemas/ids/" + id).json();

        assertThat(answer.get("schema").asText()).isEqualTo(record("ById", "a"));
        assertThat(answer.get("subject").asText()).isEqualTo(s);
        assertThat(answer.get("version").asInt()).isEqualTo(1);
        assertThat(answer.get("schemaType").asText()).isEqualTo("AVRO");
        assertThat(answer.has("maxId")).isFalse();
    }

    @Test
    void schemaById_withSubjectParameter_answersThatSubjectsVersion() {
        String first = subject();
        String second = subject();
        int id = registerId(first, record("Twin", "a"));
        registerId(second, record("Twin", "a"));

        assertThat(rest.get("/schemas/ids/" + id + "?subject=" + second)
                        .json()
                        .get("subject")
                        .asText())
                .isEqualTo(second);
    }

    @Test
    void schemaById_fetchMaxId_addsTheHighestId() {
        int id = registerId(subject(), record("Max", "a"));
        int newer = registerId(subject(), record("Newer", "a"));

        assertThat(rest.get("/schemas/ids/" + id + "?fetchMaxId=true")
                        .json()
                        .get("maxId")
                        .asInt())
                .isGreaterThanOrEqualTo(newer);
    }

    @Test
    void schemaById_unknownId_answers40403() {
        Rest.Answer answer = rest.get("/schemas/ids/987654");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40403);
        assertThat(answer.message()).isEqualTo("Schema 987654 not found");
    }

    @Test
    void schemaById_notANumber_answers404LikeJersey() {
        Rest.Answer answer = rest.get("/schemas/ids/one");

        assertThat(answer.errorCode()).isEqualTo(404);
        assertThat(answer.message()).isEqualTo("HTTP 404 Not Found");
    }

    @Test
    void schemaByIdSchema_answersTheRawText() {
        int id = registerId(subject(), record("RawById", "a"));

        assertThat(rest.get("/schemas/ids/" + id + "/schema").text()).isEqualTo(record("RawById", "a"));
    }

    @Test
    void schemaByIdSubjectsAndVersions_listEverySubjectHoldingIt() {
        String first = subject();
        String second = subject();
        int id = registerId(first, record("Both", "a"));
        registerId(second, record("Both", "a"));

        assertThat(rest.get("/schemas/ids/" + id + "/subjects").json()).hasSize(2);
        JsonNode versions = rest.get("/schemas/ids/" + id + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void schemaByIdVersions_softDeletedVersionListedOnlyWithDeletedTrue() {
        String s = subject();
        int id = registerId(s, record("SoftById", "a"));
        rest.register(s, withOptionalInt("SoftById", "b", "a"));
        rest.delete("/subjects/" + s + "/versions/1");

        assertThat(rest.get("/schemas/ids/" + id + "/versions").json()).isEmpty();
        assertThat(rest.get("/schemas/ids/" + id + "/versions?deleted=true").json())
                .hasSize(1);
        assertThat(rest.get("/schemas/ids/" + id + "/subjects?deleted=true").json())
                .hasSize(1);
    }

    @Test
    void schemaByGuid_answersTheSchemaWithoutSubject() {
        String guid =
                rest.register(subject(), record("Guid", "a")).json().get("guid").asText();

        JsonNode answer = rest.get("/schemas/guids/" + guid).json();

        assertThat(answer.get("schema").asText()).isEqualTo(record("Guid", "a"));
        assertThat(answer.has("subject")).isFalse();
        assertThat(rest.get("/schemas/guids/" + UUID.randomUUID()).errorCode()).isEqualTo(40403);
    }

    @Test
    void listSchemas_byPrefix_answersEntriesAndHonoursLatestOnlyAndDeleted() {
        String s = "schemas-" + UUID.randomUUID();
        rest.register(s, record("Listed", "a"));
        rest.register(s, withOptionalInt("Listed", "b", "a"));
        rest.delete("/subjects/" + s + "/versions/1");

        assertThat(rest.get("/schemas?subjectPrefix=" + s).json()).hasSize(1);
        assertThat(rest.get("/schemas?subjectPrefix=" + s + "&deleted=true").json())
                .hasSize(2);
        JsonNode latest = rest.get("/schemas?subjectPrefix=" + s + "&deleted=true&latestOnly=true")
                .json();
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).get("version").asInt()).isEqualTo(2);
    }

    private int registerId(String subject, String schema) {
        Rest.Answer answer = rest.register(subject, schema);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("id").asInt();
    }
}
