package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A refused registration cost four times Confluent's, because it checked every version and logged each
 * violation. Now a registration that is not {@code verbose} checks newest first and stops at the first version
 * that fails, as Confluent does: the same 409 message, the violations of that version. With {@code verbose=true}
 * the 409 names every violation against every version. A refusal is remembered until the subject changes.
 */
@WithRegistryOnKafka
class RejectedRegistrationIT {

    private final Rest rest;

    RejectedRegistrationIT(Rest rest) {
        this.rest = rest;
    }

    /** {@code R} with fields {@code a} (string) and the optional ints named, at {@code FULL_TRANSITIVE}. */
    private static String version(String... optionalInts) {
        StringBuilder s = new StringBuilder(
                "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}");
        for (String f : optionalInts) {
            s.append(",{\"name\":\"").append(f).append("\",\"type\":\"int\",\"default\":0}");
        }
        return s.append("]}").toString();
    }

    /** Field {@code a} turned into an int: breaks every version. */
    private static final String BREAKING = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":["
            + "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"x\",\"type\":\"int\",\"default\":0}]}";

    private String subjectWithThreeVersions() {
        String s = subject();
        assertThat(rest.put("/config/" + s, Rest.MAPPER.createObjectNode().put("compatibility", "FULL_TRANSITIVE"))
                        .status())
                .isEqualTo(200);
        for (String v : new String[] {version(), version("b"), version("b", "c")}) {
            assertThat(rest.register(s, v).status()).isEqualTo(200);
        }
        return s;
    }

    @Test
    void register_breakingNotVerbose_409NamesTheNewestFailingVersionWithConfluentsMessage() {
        String s = subjectWithThreeVersions();

        Rest.Answer plain = rest.register(s, BREAKING);
        Rest.Answer verbose = rest.post("/subjects/" + s + "/versions?verbose=true", Rest.schemaBody(BREAKING));

        assertThat(plain.status()).isEqualTo(409);
        assertThat(plain.errorCode()).isEqualTo(40901);
        assertThat(plain.message())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + s)
                .contains("{oldSchemaVersion: 3}")
                .isEqualTo(verbose.message());
        assertThat(oldVersions(plain.json())).containsExactly(3);
        assertThat(fields(plain.json())).containsExactly("R.a");
    }

    @Test
    void register_breakingVerbose_409NamesEveryViolatedFieldAgainstEveryVersion() {
        String s = subjectWithThreeVersions();

        Rest.Answer verbose = rest.post("/subjects/" + s + "/versions?verbose=true", Rest.schemaBody(BREAKING));

        assertThat(verbose.status()).isEqualTo(409);
        assertThat(oldVersions(verbose.json())).containsExactly(1, 2, 3);
        assertThat(verbose.json().get("violations")).hasSize(6);
        assertThat(fields(verbose.json())).containsExactly("R.a");
    }

    @Test
    void register_sameRefusedRequestAfterANewVersion_isCheckedAgainstTheNewVersion() {
        String s = subjectWithThreeVersions();
        assertThat(rest.register(s, BREAKING).message()).contains("{oldSchemaVersion: 3}");

        assertThat(rest.register(s, version("b", "c", "d")).status()).isEqualTo(200);
        Rest.Answer again = rest.register(s, BREAKING);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains("{oldSchemaVersion: 4}");
        assertThat(oldVersions(again.json())).containsExactly(4);
    }

    @Test
    void register_sameRefusedRequestAfterTheLevelChanged_isAccepted() {
        String s = subjectWithThreeVersions();
        assertThat(rest.register(s, BREAKING).status()).isEqualTo(409);
        assertThat(rest.register(s, BREAKING).status()).isEqualTo(409);

        rest.put("/config/" + s, Rest.MAPPER.createObjectNode().put("compatibility", "NONE"));

        assertThat(rest.register(s, BREAKING).status()).isEqualTo(200);
    }

    @Test
    void register_sameRefusedRequestRepeated_answersTheSameBodyEachTime() {
        String s = subjectWithThreeVersions();
        Rest.Answer first = rest.register(s, BREAKING);

        for (int i = 0; i < 3; i++) {
            Rest.Answer again = rest.register(s, BREAKING);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.text()).isEqualTo(first.text());
        }
        assertThat(rest.get("/subjects/" + s + "/versions").text()).isEqualTo("[1,2,3]");
    }

    @Test
    void compatibilityCheck_notVerbose_answersOnlyTheVerdict() {
        String s = subjectWithThreeVersions();

        Rest.Answer answer = rest.post("/compatibility/subjects/" + s + "/versions", Rest.schemaBody(BREAKING));

        assertThat(answer.text()).isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void compatibilityCheck_verbose_namesEveryVersion() {
        String s = subjectWithThreeVersions();

        Rest.Answer answer =
                rest.post("/compatibility/subjects/" + s + "/versions?verbose=true", Rest.schemaBody(BREAKING));

        assertThat(oldVersions(answer.json())).containsExactly(1, 2, 3);
        assertThat(answer.json().get("messages").toString()).contains("{oldSchemaVersion: 3}");
    }

    private static Set<Integer> oldVersions(JsonNode body) {
        Set<Integer> versions = new TreeSet<>();
        body.get("violations").forEach(v -> versions.add(v.get("oldVersion").asInt()));
        return versions;
    }

    private static Set<String> fields(JsonNode body) {
        Set<String> fields = new TreeSet<>();
        body.get("violations").forEach(v -> fields.add(v.get("field").asText()));
        return fields;
    }
}
