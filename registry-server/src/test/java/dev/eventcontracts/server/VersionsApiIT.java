package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.intField;
import static dev.eventcontracts.server.Schemas.record;
import static dev.eventcontracts.server.Schemas.subject;
import static dev.eventcontracts.server.Schemas.withOptionalInt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /subjects/{s}/versions…}: registering, reading, listing and deleting versions, over HTTP, on Kafka. */
@WithRegistryOnKafka
class VersionsApiIT {

    private final Rest rest;

    VersionsApiIT(Rest rest) {
        this.rest = rest;
    }

    @Test
    void register_newSchema_answersIdVersionGuidAndCanonicalSchema() {
        String s = subject();
        Rest.Answer answer = rest.register(s, "{ \"type\" : \"string\" }");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(answer.json().get("version").asInt()).isEqualTo(1);
        assertThat(answer.json().get("schema").asText()).isEqualTo("\"string\"");
        assertThat(answer.json().get("schemaType").asText()).isEqualTo("AVRO");
        assertThat(answer.json().get("guid").asText()).isEqualTo("095d71cf-1255-6b9d-5e33-0ad575b3df5d");
    }

    @Test
    void register_sameSchemaTwice_returnsSameIdAndAddsNoVersion() {
        String s = subject();
        int id = rest.register(s, record("Twice", "a")).json().get("id").asInt();

        Rest.Answer again = rest.register(s, record("Twice", "a"));

        assertThat(again.json().get("id").asInt()).isEqualTo(id);
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        assertThat(rest.get("/subjects/" + s + "/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void register_sameSchemaUnderAnotherSubject_getsTheSameId() {
        int first =
                rest.register(subject(), record("Shared", "a")).json().get("id").asInt();

        Rest.Answer second = rest.register(subject(), record("Shared", "a"));

        assertThat(second.json().get("id").asInt()).isEqualTo(first);
        assertThat(second.json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void register_newSchema_getsMaxIdPlusOne() {
        int before =
                rest.register(subject(), record("Before", "a")).json().get("id").asInt();

        int after =
                rest.register(subject(), record("After", "a")).json().get("id").asInt();

        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void register_afterSoftDeletedVersion_countsTheDeletedVersion() {
        String s = subject();
        rest.register(s, record("Count", "a"));
        rest.register(s, withOptionalInt("Count", "b", "a"));
        rest.delete("/subjects/" + s + "/versions/2");

        Rest.Answer third = rest.register(s, withOptionalInt("Count", "c", "a"));

        assertThat(third.json().get("version").asInt()).isEqualTo(3);
    }

    @Test
    void register_incompatibleSchema_answers409WithConfluentsMessage() {
        String s = subject();
        rest.register(s, record("Clash", "a"));

        Rest.Answer answer = rest.register(s, intField("Clash"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo(40901);
        assertThat(answer.message())
                .startsWith("Schema being registered is incompatible with an earlier schema for" + " subject \"" + s
                        + "\", details: [{errorType:'TYPE_MISMATCH'")
                .contains("{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void register_invalidSchema_answers42201() {
        Rest.Answer answer = rest.register(subject(), "{\"type\":\"record\",\"name\":\"NoFields\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.message()).startsWith("Invalid schema of type AVRO, details: ");
    }

    @Test
    void register_emptySchemaOnNewSubject_answers42201() {
        Rest.Answer answer = rest.register(subject(), " ");

        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.message()).isEqualTo("Empty schema");
    }

    @Test
    void register_protobufType_answers42201() {
        ObjectNode body = Rest.schemaBody("syntax = \"proto3\"; message M {}");
        body.put("schemaType", "PROTOBUF");

        Rest.Answer answer = rest.post("/subjects/" + subject() + "/versions", body);

        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.message()).isEqualTo("Invalid schema type PROTOBUF");
    }

    @Test
    void register_schemaOverTheSizeLimit_answers42209() {
        String huge = "{\"type\":\"enum\",\"name\":\"Huge\",\"symbols\":[\"" + "A".repeat(1_000_000) + "\"]}";

        Rest.Answer answer = rest.register(subject(), huge);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42209);
        assertThat(answer.message()).isEqualTo("Register operation failed because schema is too large");
    }

    @Test
    void register_subjectWithControlCharacter_answers42208() {
        Rest.Answer answer = rest.register("bad%01subject", "\"string\"");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42208);
        assertThat(answer.message()).isEqualTo("The specified subject 'bad\u0001subject' is not a valid.");
    }

    @Test
    void register_missingReference_answers42201NamingIt() {
        ObjectNode body = Rest.schemaBody(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"m\"," + "\"type\":\"test.Missing\"}]}");
        body.putArray("references")
                .addObject()
                .put("name", "test.Missing")
                .put("subject", "nowhere")
                .put("version", 1);

        Rest.Answer answer = rest.post("/subjects/" + subject() + "/versions", body);

        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.message()).contains("\"nowhere\"");
    }

    @Test
    void register_withReference_storesTheReferenceAndResolvesIt() {
        String money = subject();
        rest.register(money, record("Money", "currency"));
        ObjectNode body = Rest.schemaBody("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"test\","
                + "\"fields\":[{\"name\":\"total\",\"type\":\"test.Money\"}]}");
        body.putArray("references")
                .addObject()
                .put("name", "test.Money")
                .put("subject", money)
                .put("version", 1);

        Rest.Answer answer = rest.post("/subjects/" + subject() + "/versions", body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("references").get(0).get("subject").asText())
                .isEqualTo(money);
        assertThat(answer.json().get("schema").asText()).contains("\"type\":\"Money\"");
    }

    @Test
    void register_withNormalizeTrue_registers() {
        Rest.Answer answer =
                rest.post("/subjects/" + subject() + "/versions?normalize=true", Rest.schemaBody("\"long\""));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void getVersion_latestAndMinusOne_answerTheLatestLiveVersion() {
        String s = subject();
        rest.register(s, record("Latest", "a"));
        rest.register(s, withOptionalInt("Latest", "b", "a"));

        assertThat(rest.get("/subjects/" + s + "/versions/latest")
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(rest.get("/subjects/" + s + "/versions/-1")
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        rest.delete("/subjects/" + s + "/versions/2");
        assertThat(rest.get("/subjects/" + s + "/versions/latest")
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void getVersion_answersTheFullEntry() {
        String s = subject();
        int id = rest.register(s, "\"int\"").json().get("id").asInt();

        Rest.Answer answer = rest.get("/subjects/" + s + "/versions/1");

        assertThat(answer.json().get("subject").asText()).isEqualTo(s);
        assertThat(answer.json().get("id").asInt()).isEqualTo(id);
        assertThat(answer.json().get("deleted").asBoolean()).isFalse();
        assertThat(answer.json().has("ts")).isTrue();
    }

    @Test
    void getVersion_unknownSubject_answers40401() {
        Rest.Answer answer = rest.get("/subjects/nobody-here/versions/1");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40401);
        assertThat(answer.message()).isEqualTo("Subject 'nobody-here' not found.");
    }

    @Test
    void getVersion_unknownVersion_answers40402() {
        String s = subject();
        rest.register(s, "\"int\"");

        Rest.Answer answer = rest.get("/subjects/" + s + "/versions/7");

        assertThat(answer.errorCode()).isEqualTo(40402);
        assertThat(answer.message()).isEqualTo("Version 7 not found.");
    }

    @Test
    void getVersion_invalidVersions_answer42202() {
        for (String version : List.of("abc", "0", "-2", "99999999999")) {
            Rest.Answer answer = rest.get("/subjects/any/versions/" + version);

            assertThat(answer.status()).as(version).isEqualTo(422);
            assertThat(answer.errorCode()).isEqualTo(42202);
            assertThat(answer.message())
                    .isEqualTo("The specified version '" + version + "' is not a valid version"
                            + " id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
    }

    @Test
    void getVersion_softDeleted_isFoundOnlyWithDeletedTrue() {
        String s = subject();
        rest.register(s, record("Soft", "a"));
        rest.register(s, withOptionalInt("Soft", "b", "a"));
        rest.delete("/subjects/" + s + "/versions/1");

        assertThat(rest.get("/subjects/" + s + "/versions/1").errorCode()).isEqualTo(40402);
        assertThat(rest.get("/subjects/" + s + "/versions/1?deleted=true")
                        .json()
                        .get("deleted")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void getVersionSchema_answersTheRawSchema() {
        String s = subject();
        rest.register(s, record("Raw", "a"));

        Rest.Answer answer = rest.get("/subjects/" + s + "/versions/1/schema");

        assertThat(answer.text()).isEqualTo(record("Raw", "a"));
    }

    @Test
    void listVersions_filtersDeletedVersions() {
        String s = subject();
        rest.register(s, record("List", "a"));
        rest.register(s, withOptionalInt("List", "b", "a"));
        rest.delete("/subjects/" + s + "/versions/1");

        assertThat(rest.get("/subjects/" + s + "/versions").text()).isEqualTo("[2]");
        assertThat(rest.get("/subjects/" + s + "/versions?deleted=true").text()).isEqualTo("[1,2]");
        assertThat(rest.get("/subjects/" + s + "/versions?deletedOnly=true").text())
                .isEqualTo("[1]");
    }

    @Test
    void listVersions_unknownSubject_answers40401() {
        assertThat(rest.get("/subjects/unknown-subject/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void referencedBy_listsTheIdsOfReferringSchemas() {
        String money = subject();
        rest.register(money, record("Cash", "currency"));
        int referrer = registerReferrer(subject(), money, "Till");

        Rest.Answer answer = rest.get("/subjects/" + money + "/versions/1/referencedby");

        assertThat(answer.text()).isEqualTo("[" + referrer + "]");
    }

    @Test
    void deleteVersion_softThenPermanent_removesTheVersion() {
        String s = subject();
        rest.register(s, record("Gone", "a"));

        assertThat(rest.delete("/subjects/" + s + "/versions/1").text()).isEqualTo("1");
        assertThat(rest.delete("/subjects/" + s + "/versions/1?permanent=true").text())
                .isEqualTo("1");
        assertThat(rest.get("/subjects/" + s + "/versions/1?deleted=true").errorCode())
                .isEqualTo(40401);
    }

    @Test
    void deleteVersion_softTwice_answers40406() {
        String s = subject();
        rest.register(s, record("Twice", "a"));
        rest.delete("/subjects/" + s + "/versions/1");

        Rest.Answer answer = rest.delete("/subjects/" + s + "/versions/1");

        assertThat(answer.errorCode()).isEqualTo(40406);
        assertThat(answer.message())
                .isEqualTo(
                        "Subject '" + s + "' Version 1 was soft deleted.Set permanent=true to" + " delete permanently");
    }

    @Test
    void deleteVersion_permanentBeforeSoft_answers40407() {
        String s = subject();
        rest.register(s, record("Hard", "a"));

        Rest.Answer answer = rest.delete("/subjects/" + s + "/versions/1?permanent=true");

        assertThat(answer.errorCode()).isEqualTo(40407);
        assertThat(answer.message())
                .isEqualTo("Subject '" + s + "' Version 1 was not deleted first before being" + " permanently deleted");
    }

    @Test
    void deleteVersion_referenced_answers42206() {
        String money = subject();
        rest.register(money, record("Coin", "currency"));
        registerReferrer(subject(), money, "Purse");

        Rest.Answer answer = rest.delete("/subjects/" + money + "/versions/1");

        assertThat(answer.errorCode()).isEqualTo(42206);
        assertThat(answer.message())
                .isEqualTo("One or more references exist to the schema {magic=1,keytype=SCHEMA," + "subject=" + money
                        + ",version=1}.");
    }

    @Test
    void deleteVersion_unknownSubjectOrVersion_answers40401Or40402() {
        String s = subject();
        rest.register(s, "\"float\"");

        assertThat(rest.delete("/subjects/" + s + "/versions/9").errorCode()).isEqualTo(40402);
        assertThat(rest.delete("/subjects/" + subject() + "/versions/1").errorCode())
                .isEqualTo(40401);
        assertThat(rest.delete("/subjects/" + s + "/versions/x").errorCode()).isEqualTo(42202);
    }

    private int registerReferrer(String subject, String referencedSubject, String name) {
        String referenced = rest.get("/subjects/" + referencedSubject + "/versions/1")
                .json()
                .get("schema")
                .asText();
        String type = referenced.contains("\"Cash\"")
                ? "test.Cash"
                : referenced.contains("\"Coin\"") ? "test.Coin" : "test.Money";
        ObjectNode body = Rest.schemaBody("{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"test\","
                + "\"fields\":[{\"name\":\"m\",\"type\":\"" + type + "\"}]}");
        body.putArray("references")
                .addObject()
                .put("name", type)
                .put("subject", referencedSubject)
                .put("version", 1);
        Rest.Answer answer = rest.post("/subjects/" + subject + "/versions", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("id").asInt();
    }
}
