package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.record;
import static dev.eventcontracts.server.Schemas.subject;
import static dev.eventcontracts.server.Schemas.withOptionalInt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /subjects}, lookups ({@code POST /subjects/{s}}) and subject deletes, over HTTP, on Kafka. */
@WithRegistryOnKafka
class SubjectsApiIT {

    private final Rest rest;

    SubjectsApiIT(Rest rest) {
        this.rest = rest;
    }

    @Test
    void listSubjects_withPrefix_answersSortedNamesAndHonoursDeletedFlags() {
        String prefix = "list-" + UUID.randomUUID() + "-";
        rest.register(prefix + "b", "\"int\"");
        rest.register(prefix + "a", "\"int\"");
        rest.register(prefix + "c", "\"int\"");
        rest.delete("/subjects/" + prefix + "c");

        assertThat(rest.get("/subjects?subjectPrefix=" + prefix).json().toString())
                .isEqualTo("[\"" + prefix + "a\",\"" + prefix + "b\"]");
        assertThat(rest.get("/subjects?subjectPrefix=" + prefix + "&deleted=true")
                        .json())
                .hasSize(3);
        assertThat(rest.get("/subjects?subjectPrefix=" + prefix + "&deletedOnly=true")
                        .json()
                        .toString())
                .isEqualTo("[\"" + prefix + "c\"]");
    }

    @Test
    void listSubjects_offsetAndLimit_pageTheSortedNames() {
        String prefix = "page-" + UUID.randomUUID() + "-";
        for (String s : new String[] {"a", "b", "c", "d"}) {
            rest.register(prefix + s, "\"int\"");
        }

        Rest.Answer page = rest.get("/subjects?subjectPrefix=" + prefix + "&offset=1&limit=2");

        assertThat(page.json().toString()).isEqualTo("[\"" + prefix + "b\",\"" + prefix + "c\"]");
    }

    @Test
    void listSubjects_limitNotANumber_answers404LikeJersey() {
        Rest.Answer answer = rest.get("/subjects?limit=ten");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(404);
        assertThat(answer.message()).isEqualTo("HTTP 404 Not Found");
    }

    @Test
    void lookup_registeredSchema_answersSubjectVersionIdAndSchema() {
        String s = subject();
        int id = rest.register(s, record("Look", "a")).json().get("id").asInt();

        Rest.Answer answer = rest.post("/subjects/" + s, Rest.schemaBody(record("Look", "a")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("subject").asText()).isEqualTo(s);
        assertThat(answer.json().get("version").asInt()).isEqualTo(1);
        assertThat(answer.json().get("id").asInt()).isEqualTo(id);
        assertThat(answer.json().get("schema").asText()).isEqualTo(record("Look", "a"));
    }

    @Test
    void lookup_unknownSubject_answers40401() {
        Rest.Answer answer = rest.post("/subjects/" + "nope-" + UUID.randomUUID(), Rest.schemaBody("\"int\""));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40401);
    }

    @Test
    void lookup_schemaNotUnderSubject_answers40403() {
        String s = subject();
        rest.register(s, record("Known", "a"));

        Rest.Answer answer = rest.post("/subjects/" + s, Rest.schemaBody(record("Unknown", "a")));

        assertThat(answer.errorCode()).isEqualTo(40403);
        assertThat(answer.message()).isEqualTo("Schema not found");
    }

    @Test
    void lookup_softDeletedVersion_isFoundOnlyWithDeletedTrue() {
        String s = subject();
        rest.register(s, record("Hidden", "a"));
        rest.register(s, withOptionalInt("Hidden", "b", "a"));
        rest.delete("/subjects/" + s + "/versions/1");

        assertThat(rest.post("/subjects/" + s, Rest.schemaBody(record("Hidden", "a")))
                        .errorCode())
                .isEqualTo(40403);
        assertThat(rest.post("/subjects/" + s + "?deleted=true", Rest.schemaBody(record("Hidden", "a")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void lookup_invalidSchema_answers42201() {
        String s = subject();
        rest.register(s, "\"int\"");

        assertThat(rest.post("/subjects/" + s, Rest.schemaBody("{\"type\":\"nonsense\"}"))
                        .errorCode())
                .isEqualTo(42201);
    }

    @Test
    void deleteSubject_soft_answersTheDeletedVersions() {
        String s = subject();
        rest.register(s, record("Del", "a"));
        rest.register(s, withOptionalInt("Del", "b", "a"));

        Rest.Answer answer = rest.delete("/subjects/" + s);

        assertThat(answer.text()).isEqualTo("[1,2]");
        assertThat(rest.get("/subjects/" + s + "/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void deleteSubject_softTwice_answers40404() {
        String s = subject();
        rest.register(s, "\"int\"");
        rest.delete("/subjects/" + s);

        Rest.Answer answer = rest.delete("/subjects/" + s);

        assertThat(answer.errorCode()).isEqualTo(40404);
        assertThat(answer.message())
                .isEqualTo("Subject '" + s + "' was soft deleted.Set permanent=true to delete" + " permanently");
    }

    @Test
    void deleteSubject_permanentBeforeSoft_answers40405() {
        String s = subject();
        rest.register(s, "\"int\"");

        Rest.Answer answer = rest.delete("/subjects/" + s + "?permanent=true");

        assertThat(answer.errorCode()).isEqualTo(40405);
        assertThat(answer.message())
                .isEqualTo("Subject '" + s + "' was not deleted first before being permanently" + " deleted");
    }

    @Test
    void deleteSubject_permanentAfterSoft_removesItForGood() {
        String s = subject();
        rest.register(s, record("Perm", "a"));
        rest.delete("/subjects/" + s);

        Rest.Answer answer = rest.delete("/subjects/" + s + "?permanent=true");

        assertThat(answer.text()).isEqualTo("[1]");
        assertThat(rest.get("/subjects/" + s + "/versions?deleted=true").errorCode())
                .isEqualTo(40401);
        assertThat(rest.register(s, record("Perm", "a")).json().get("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void deleteSubject_unknown_answers40401() {
        assertThat(rest.delete("/subjects/" + subject()).errorCode()).isEqualTo(40401);
    }

    @Test
    void deleteSubject_referenced_answers42206() {
        String base = subject();
        rest.register(base, record("Base", "x"));
        ObjectNode body = Rest.schemaBody("{\"type\":\"record\",\"name\":\"Uses\",\"namespace\":\"test\","
                + "\"fields\":[{\"name\":\"b\",\"type\":\"test.Base\"}]}");
        body.putArray("references")
                .addObject()
                .put("name", "test.Base")
                .put("subject", base)
                .put("version", 1);
        assertThat(rest.post("/subjects/" + subject() + "/versions", body).status())
                .isEqualTo(200);

        assertThat(rest.delete("/subjects/" + base).errorCode()).isEqualTo(42206);
    }

    @Test
    void deleteSubject_soft_dropsTheSubjectsConfigAndMode() {
        String s = subject();
        rest.register(s, "\"int\"");
        rest.put("/config/" + s, Rest.MAPPER.createObjectNode().put("compatibility", "NONE"));
        rest.put("/mode/" + s, Rest.MAPPER.createObjectNode().put("mode", "READWRITE"));

        rest.delete("/subjects/" + s);

        assertThat(rest.get("/config/" + s).errorCode()).isEqualTo(40408);
        assertThat(rest.get("/mode/" + s).errorCode()).isEqualTo(40409);
    }
}
