package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.intField;
import static dev.eventcontracts.server.Schemas.record;
import static dev.eventcontracts.server.Schemas.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /config} and {@code /mode}: levels, modes, their resolution and enforcement, over HTTP, on Kafka. */
@WithRegistryOnKafka
class ConfigModeApiIT {

    private final Rest rest;

    ConfigModeApiIT(Rest rest) {
        this.rest = rest;
    }

    @AfterEach
    void resetGlobalSettings() {
        rest.delete("/config");
        rest.delete("/mode");
    }

    @Test
    void globalConfig_unset_answersTheServerDefault() {
        assertThat(rest.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void putGlobalConfig_anyCase_answersAndStoresTheLevel() {
        Rest.Answer answer = rest.put("/config", level("full_transitive"));

        assertThat(answer.text()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(rest.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
    }

    @Test
    void putConfig_invalidLevel_answers42203() {
        Rest.Answer answer = rest.put("/config", level("SIDEWAYS"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42203);
        assertThat(answer.message())
                .isEqualTo("Invalid compatibility level. Valid values are none, backward, "
                        + "forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    @Test
    void subjectConfig_resolvesSubjectThenGlobalThenDefault() {
        String s = subject();
        assertThat(rest.get("/config/" + s).errorCode()).isEqualTo(40408);
        assertThat(rest.get("/config/" + s + "?defaultToGlobal=true").text())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        rest.put("/config", level("FORWARD"));
        assertThat(rest.get("/config/" + s + "?defaultToGlobal=true").text())
                .isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
        rest.put("/config/" + s, level("NONE"));
        assertThat(rest.get("/config/" + s).text()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    }

    @Test
    void subjectConfigNone_letsAnIncompatibleSchemaRegister() {
        String s = subject();
        rest.register(s, record("Loose", "a"));
        rest.put("/config/" + s, level("NONE"));

        assertThat(rest.register(s, intField("Loose")).status()).isEqualTo(200);
    }

    @Test
    void deleteSubjectConfig_answersThePreviousLevelThen40408() {
        String s = subject();
        rest.put("/config/" + s, level("FULL"));

        assertThat(rest.delete("/config/" + s).text()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        Rest.Answer again = rest.delete("/config/" + s);
        assertThat(again.errorCode()).isEqualTo(40408);
        assertThat(again.message())
                .isEqualTo("Subject '" + s + "' does not have subject-level compatibility" + " configured");
    }

    @Test
    void deleteGlobalConfig_restoresTheServerDefault() {
        rest.put("/config", level("NONE"));

        assertThat(rest.delete("/config").text()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(rest.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void putConfig_invalidSubject_answers42208() {
        assertThat(rest.put("/config/__GLOBAL", level("FULL")).errorCode()).isEqualTo(42208);
    }

    @Test
    void globalMode_unset_answersReadWrite() {
        assertThat(rest.get("/mode").text()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void deleteGlobalMode_answersThePreviousModeAndRestoresReadWrite() {
        rest.put("/mode", mode("READONLY"));

        assertThat(rest.delete("/mode").text()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(rest.get("/mode").text()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void putMode_invalidMode_answers42204() {
        Rest.Answer answer = rest.put("/mode", mode("SLEEPY"));

        assertThat(answer.errorCode()).isEqualTo(42204);
        assertThat(answer.message()).isEqualTo("Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.");
    }

    @Test
    void readOnlySubject_refusesNewSchemasAndDeletesButAnswersKnownSchemas() {
        String s = subject();
        rest.register(s, record("Frozen", "a"));
        assertThat(rest.put("/mode/" + s, mode("READONLY")).text()).isEqualTo("{\"mode\":\"READONLY\"}");

        Rest.Answer refused = rest.register(s, Schemas.withOptionalInt("Frozen", "b", "a"));
        assertThat(refused.errorCode()).isEqualTo(42205);
        assertThat(refused.message()).isEqualTo("Subject " + s + " in context  is in read-only mode");
        assertThat(rest.register(s, record("Frozen", "a")).status()).isEqualTo(200);
        assertThat(rest.delete("/subjects/" + s + "/versions/1").errorCode()).isEqualTo(42205);
        assertThat(rest.delete("/subjects/" + s).errorCode()).isEqualTo(42205);
    }

    @Test
    void subjectMode_resolvesAndDeletes() {
        String s = subject();
        assertThat(rest.get("/mode/" + s).errorCode()).isEqualTo(40409);
        assertThat(rest.get("/mode/" + s + "?defaultToGlobal=true").text()).isEqualTo("{\"mode\":\"READWRITE\"}");
        rest.put("/mode/" + s, mode("READONLY"));

        assertThat(rest.delete("/mode/" + s).text()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(rest.delete("/mode/" + s).errorCode()).isEqualTo(40409);
    }

    @Test
    void importMode_keepsTheGivenIdAndVersion() {
        String s = subject();
        rest.put("/mode/" + s, mode("IMPORT"));
        ObjectNode body =
                Rest.schemaBody(record("Imported", "a")).put("id", 700_001).put("version", 5);

        Rest.Answer answer = rest.post("/subjects/" + s + "/versions", body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("id").asInt()).isEqualTo(700_001);
        assertThat(answer.json().get("version").asInt()).isEqualTo(5);
        assertThat(rest.get("/schemas/ids/700001").json().get("subject").asText())
                .isEqualTo(s);
    }

    @Test
    void importMode_withoutId_answers42205() {
        String s = subject();
        rest.put("/mode/" + s, mode("IMPORT"));

        Rest.Answer answer = rest.register(s, record("NoId", "a"));

        assertThat(answer.errorCode()).isEqualTo(42205);
        assertThat(answer.message()).isEqualTo("Subject " + s + " in context  is not in read-write mode");
    }

    @Test
    void readWriteMode_withId_answers42205() {
        String s = subject();

        Rest.Answer answer = rest.post(
                "/subjects/" + s + "/versions",
                Rest.schemaBody(record("WithId", "a")).put("id", 700_100));

        assertThat(answer.errorCode()).isEqualTo(42205);
        assertThat(answer.message()).isEqualTo("Subject " + s + " in context  is not in import mode");
    }

    @Test
    void importMode_knownSchemaWithAnotherId_answers42207() {
        int id = rest.register(subject(), record("Known", "z")).json().get("id").asInt();
        String s = subject();
        rest.put("/mode/" + s, mode("IMPORT"));

        Rest.Answer answer = rest.post(
                "/subjects/" + s + "/versions",
                Rest.schemaBody(record("Known", "z")).put("id", 700_200));

        assertThat(answer.errorCode()).isEqualTo(42207);
        assertThat(answer.message()).contains(Integer.toString(id)).contains("700200");
    }

    @Test
    void importMode_onSubjectWithSchemas_needsForce() {
        String s = subject();
        rest.register(s, record("Busy", "a"));

        Rest.Answer refused = rest.put("/mode/" + s, mode("IMPORT"));
        assertThat(refused.errorCode()).isEqualTo(42205);
        assertThat(refused.message()).isEqualTo("Cannot import since found existing subjects");
        assertThat(rest.put("/mode/" + s + "?force=true", mode("IMPORT")).text())
                .isEqualTo("{\"mode\":\"IMPORT\"}");
    }

    private static ObjectNode level(String level) {
        return Rest.MAPPER.createObjectNode().put("compatibility", level);
    }

    private static ObjectNode mode(String mode) {
        return Rest.MAPPER.createObjectNode().put("mode", mode);
    }
}
