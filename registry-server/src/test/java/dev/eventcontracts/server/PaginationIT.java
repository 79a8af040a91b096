package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.record;
import static dev.eventcontracts.server.Schemas.subject;
import static dev.eventcontracts.server.Schemas.withOptionalInt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code offset} and {@code limit} on every list, as Confluent 8.3.1 applies them: after filtering (the
 * {@code deleted} flags) and sorting; a limit counts only when positive and at most the max, anything else gets the
 * default page size (not the max); the subject must exist whatever the page. This registry has small pages (default
 * 2, max 3) so that each rule shows.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaginationIT {

    @RegisterExtension
    static final RegistryOnKafka REGISTRY = RegistryOnKafka.withConfig(Map.of(
            RegistryServerConfig.SUBJECT_SEARCH_DEFAULT_LIMIT, "2",
            RegistryServerConfig.SUBJECT_SEARCH_MAX_LIMIT, "3",
            RegistryServerConfig.SUBJECT_VERSION_SEARCH_DEFAULT_LIMIT, "2",
            RegistryServerConfig.SUBJECT_VERSION_SEARCH_MAX_LIMIT, "3",
            RegistryServerConfig.SCHEMA_SEARCH_DEFAULT_LIMIT, "2",
            RegistryServerConfig.SCHEMA_SEARCH_MAX_LIMIT, "3"));

    private final Rest rest;

    PaginationIT(Rest rest) {
        this.rest = rest;
    }

    /** A subject with versions 1 to 4 of a record, version 2 soft-deleted. */
    private String subjectWithFourVersionsSecondDeleted() {
        String s = subject();
        rest.register(s, record("Paged", "a"));
        rest.register(s, withOptionalInt("Paged", "b", "a"));
        rest.register(s, withOptionalInt("Paged", "c", "a"));
        rest.register(s, withOptionalInt("Paged", "d", "a"));
        assertThat(rest.delete("/subjects/" + s + "/versions/2").status()).isEqualTo(200);
        return s;
    }

    @Test
    void versions_offsetOneLimitOne_answersTheSecondVersionOnly() {
        String s = subject();
        rest.register(s, record("Second", "a"));
        rest.register(s, withOptionalInt("Second", "b", "a"));
        rest.register(s, withOptionalInt("Second", "c", "a"));

        assertThat(rest.get("/subjects/" + s + "/versions?offset=1&limit=1").text())
                .isEqualTo("[2]");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "offset=1&limit=1                    | [3]",
                "offset=1&limit=2&deleted=true       | [2,3]",
                "offset=2&limit=3&deleted=true       | [3,4]",
                "deletedOnly=true                    | [2]",
                "offset=1&deletedOnly=true           | []",
                "offset=1&deleted=true&deletedOnly=true | []",
                "offset=3                            | []",
                "offset=99&limit=1                   | []"
            })
    void versions_pageIsTakenAfterTheDeletedFlagsFilter(String query, String expected) {
        String s = subjectWithFourVersionsSecondDeleted();

        Rest.Answer answer = rest.get("/subjects/" + s + "/versions?" + query);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "limit={0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0  | [1,3]", "-5 | [1,3]", "1  | [1]", "3  | [1,3,4]", "4  | [1,3]", "2147483647 | [1,3]"})
    void versions_limitNotPositiveOrAboveTheMax_getsTheDefaultPageSize(String limit, String expected) {
        String s = subjectWithFourVersionsSecondDeleted();

        assertThat(rest.get("/subjects/" + s + "/versions?limit=" + limit).text())
                .isEqualTo(expected);
    }

    @Test
    void versions_noLimit_answersTheDefaultPageSize() {
        String s = subjectWithFourVersionsSecondDeleted();

        assertThat(rest.get("/subjects/" + s + "/versions").text()).isEqualTo("[1,3]");
        assertThat(rest.get("/subjects/" + s + "/versions?offset=2").text()).isEqualTo("[4]");
    }

    @Test
    void versions_unknownSubjectWithAPage_answers40401() {
        String s = "nope-" + UUID.randomUUID();

        Rest.Answer answer = rest.get("/subjects/" + s + "/versions?offset=5&limit=1");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40401);
        assertThat(answer.message()).isEqualTo("Subject '" + s + "' not found.");
    }

    @Test
    void versions_everyVersionSoftDeleted_is40401UnlessTheDeletedFlagsAskForThem() {
        String s = subject();
        rest.register(s, record("Gone", "a"));
        rest.register(s, withOptionalInt("Gone", "b", "a"));
        rest.delete("/subjects/" + s);

        assertThat(rest.get("/subjects/" + s + "/versions?offset=1").errorCode())
                .isEqualTo(40401);
        assertThat(rest.get("/subjects/" + s + "/versions?offset=1&deleted=true")
                        .text())
                .isEqualTo("[2]");
        assertThat(rest.get("/subjects/" + s + "/versions?offset=5&deletedOnly=true")
                        .text())
                .isEqualTo("[]");
    }

    @Test
    void everyList_negativeOffset_answers422NamingTheOffset() {
        String s = subjectWithFourVersionsSecondDeleted();
        int id = rest.get("/subjects/" + s + "/versions/1").json().get("id").asInt();

        for (String path : new String[] {
            "/subjects?offset=-1",
            "/subjects/" + s + "/versions?offset=-1",
            "/schemas?offset=-1",
            "/schemas/ids/" + id + "/versions?offset=-1",
            "/schemas/ids/" + id + "/subjects?offset=-1",
            "/subjects/" + s + "/versions/1/referencedby?offset=-1"
        }) {
            Rest.Answer answer = rest.get(path);

            assertThat(answer.status()).as(path).isEqualTo(422);
            assertThat(answer.errorCode()).as(path).isEqualTo(422);
            assertThat(answer.message())
                    .as(path)
                    .isEqualTo("Invalid offset -1: the offset of a list must be 0 or more");
        }
    }

    @Test
    void subjects_limitAboveTheMax_getsTheDefaultNotTheMax() {
        String prefix = "subjects-" + UUID.randomUUID() + "-";
        for (String s : new String[] {"a", "b", "c", "d", "e"}) {
            rest.register(prefix + s, "\"int\"");
        }
        String q = "/subjects?subjectPrefix=" + prefix;

        assertThat(rest.get(q).json()).hasSize(2);
        assertThat(rest.get(q + "&limit=3").json()).hasSize(3);
        assertThat(rest.get(q + "&limit=4").json()).hasSize(2);
        assertThat(rest.get(q + "&offset=3&limit=3").text()).isEqualTo("[\"" + prefix + "d\",\"" + prefix + "e\"]");
    }

    @Test
    void schemaLists_idVersionsIdSubjectsAndReferencedBy_pageWithTheSchemaLimits() {
        String prefix = "shared-" + UUID.randomUUID() + "-";
        String referenced = prefix + "money";
        String money = record("Money", "amount");
        int id = rest.register(referenced, money).json().get("id").asInt();
        for (String s : new String[] {"a", "b", "c", "d"}) {
            rest.register(prefix + s, money);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(rest.post("/subjects/" + prefix + "user" + i + "/versions", referencingMoney(referenced, i))
                            .status())
                    .isEqualTo(200);
        }

        assertThat(rest.get("/schemas/ids/" + id + "/subjects").json()).hasSize(2);
        assertThat(rest.get("/schemas/ids/" + id + "/subjects?limit=3").json()).hasSize(3);
        assertThat(rest.get("/schemas/ids/" + id + "/subjects?offset=4&limit=3").json())
                .hasSize(1);
        assertThat(rest.get("/schemas/ids/" + id + "/versions?offset=3&limit=3").json())
                .hasSize(2);
        assertThat(rest.get("/subjects/" + referenced + "/versions/1/referencedby")
                        .json())
                .hasSize(2);
        assertThat(rest.get("/subjects/" + referenced + "/versions/1/referencedby?offset=2&limit=3")
                        .json())
                .hasSize(2);
    }

    /** A record {@code test.User<i>} with one field of type {@code test.Money}, referenced from {@code subject}. */
    private static ObjectNode referencingMoney(String subject, int i) {
        ObjectNode body = Rest.schemaBody("{\"type\":\"record\",\"name\":\"User" + i + "\",\"namespace\":\"test\","
                + "\"fields\":[{\"name\":\"m\",\"type\":\"test.Money\"}]}");
        ArrayNode refs = body.putArray("references");
        refs.addObject().put("name", "test.Money").put("subject", subject).put("version", 1);
        return body;
    }
}
