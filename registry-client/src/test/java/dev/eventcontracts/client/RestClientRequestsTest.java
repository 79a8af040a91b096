package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.FakeRegistry.Recorded;
import dev.eventcontracts.client.FakeRegistry.Reply;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the exact request of every REST call (method, encoded path and query, JSON body) and its parsed answer. */
class RestClientRequestsTest {

    private static final String S = "orders-value";
    private static final RegisterSchemaRequest STRING_SCHEMA = RegisterSchemaRequest.of("\"string\"", null, null);
    private static final String STRING_BODY = "{\"schema\":\"\\\"string\\\"\"}";
    private static final String VERSION_JSON = "{\"subject\":\"orders-value\",\"version\":2,\"id\":8,"
            + "\"schema\":\"\\\"string\\\"\",\"guid\":\"72b2ba8a\",\"ts\":1795794340264,\"deleted\":false}";
    private static final SubjectSchema VERSION = new SubjectSchema(S, 2, 8, "AVRO", List.of(), "\"string\"", false);

    private final Fixture fixture = Fixture.load();
    private FakeRegistry server;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = FakeRegistry.http();
        client = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(server.url()).maxRetries(0).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                call(
                        "schemaById",
                        c -> c.schemaById(1),
                        "GET",
                        "/schemas/ids/1",
                        null,
                        "{\"schema\":\"\\\"string\\\"\"}",
                        new SchemaString("\"string\"", null, null)),
                call(
                        "schemaTypes",
                        RegistryLookups::schemaTypes,
                        "GET",
                        "/schemas/types",
                        null,
                        "[\"JSON\",\"PROTOBUF\",\"AVRO\"]",
                        List.of("JSON", "PROTOBUF", "AVRO")),
                call(
                        "subjectVersionsById",
                        c -> c.subjectVersionsById(6),
                        "GET",
                        "/schemas/ids/6/versions",
                        null,
                        "[{\"subject\":\"status-value\",\"version\":1}]",
                        List.of(new SubjectVersion("status-value", 1))),
                call(
                        "subjects",
                        RegistryLookups::subjects,
                        "GET",
                        "/subjects",
                        null,
                        "[\"a\",\"b\"]",
                        List.of("a", "b")),
                call(
                        "subjectsWithPrefixAndDeleted",
                        c -> c.subjects("fixture.", true, false),
                        "GET",
                        "/subjects?subjectPrefix=fixture.&deleted=true",
                        null,
                        "[]",
                        List.of()),
                call(
                        "subjectsDeletedOnly",
                        c -> c.subjects(null, false, true),
                        "GET",
                        "/subjects?deletedOnly=true",
                        null,
                        "[\"temp-value\"]",
                        List.of("temp-value")),
                call(
                        "versions",
                        c -> c.versions(S),
                        "GET",
                        "/subjects/orders-value/versions",
                        null,
                        "[1,2]",
                        List.of(1, 2)),
                call(
                        "versionsWithDeleted",
                        c -> c.versions(S, true, false),
                        "GET",
                        "/subjects/orders-value/versions?deleted=true",
                        null,
                        "[1,2]",
                        List.of(1, 2)),
                call(
                        "version",
                        c -> c.version(S, 2),
                        "GET",
                        "/subjects/orders-value/versions/2",
                        null,
                        VERSION_JSON,
                        VERSION),
                call(
                        "latestVersion",
                        c -> c.latestVersion(S),
                        "GET",
                        "/subjects/orders-value/versions/latest",
                        null,
                        VERSION_JSON,
                        VERSION),
                call(
                        "deletedVersion",
                        c -> c.version(S, 1, true),
                        "GET",
                        "/subjects/orders-value/versions/1?deleted=true",
                        null,
                        VERSION_JSON,
                        VERSION),
                call(
                        "rawSchema",
                        c -> c.rawSchema(S, RegistryLookups.LATEST),
                        "GET",
                        "/subjects/orders-value/versions/latest/schema",
                        null,
                        "{\"type\": \"string\"}",
                        "{\"type\": \"string\"}"),
                call(
                        "lookup",
                        c -> c.lookup(S, STRING_SCHEMA, true, true),
                        "POST",
                        "/subjects/orders-value?normalize=true&deleted=true",
                        STRING_BODY,
                        VERSION_JSON,
                        VERSION),
                call(
                        "referencedBy",
                        c -> c.referencedBy(S, 1),
                        "GET",
                        "/subjects/orders-value/versions/1/referencedby",
                        null,
                        "[5]",
                        List.of(5)),
                call(
                        "testCompatibility",
                        c -> c.testCompatibility(S, RegistryLookups.LATEST, STRING_SCHEMA, false, true),
                        "POST",
                        "/compatibility/subjects/orders-value/versions/latest?verbose=true",
                        STRING_BODY,
                        "{\"is_compatible\":false,\"messages\":[\"TYPE_MISMATCH\"]}",
                        new CompatibilityCheckResponse(false, List.of("TYPE_MISMATCH"))),
                call(
                        "testCompatibilityAll",
                        c -> c.testCompatibilityAll(S, STRING_SCHEMA, true, false),
                        "POST",
                        "/compatibility/subjects/orders-value/versions?normalize=true",
                        STRING_BODY,
                        "{\"is_compatible\":true}",
                        new CompatibilityCheckResponse(true, null)),
                call(
                        "register",
                        c -> c.register(S, STRING_SCHEMA, false),
                        "POST",
                        "/subjects/orders-value/versions",
                        STRING_BODY,
                        "{\"id\":11}",
                        new RegisterSchemaResponse(11, null)),
                call(
                        "deleteSubject",
                        c -> c.deleteSubject(S, false),
                        "DELETE",
                        "/subjects/orders-value",
                        null,
                        "[1,2]",
                        List.of(1, 2)),
                call(
                        "deleteSubjectPermanently",
                        c -> c.deleteSubject(S, true),
                        "DELETE",
                        "/subjects/orders-value?permanent=true",
                        null,
                        "[1]",
                        List.of(1)),
                call(
                        "deleteVersion",
                        c -> c.deleteVersion(S, 1, true),
                        "DELETE",
                        "/subjects/orders-value/versions/1?permanent=true",
                        null,
                        "1",
                        1),
                call(
                        "globalConfig",
                        RegistryConfigs::globalConfig,
                        "GET",
                        "/config",
                        null,
                        "{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}",
                        new CompatibilityConfig("BACKWARD_TRANSITIVE", null)),
                call(
                        "updateGlobalConfig",
                        c -> c.updateGlobalConfig(CompatibilityUpdate.of("FULL")),
                        "PUT",
                        "/config",
                        "{\"compatibility\":\"FULL\"}",
                        "{\"compatibility\":\"FULL\"}",
                        CompatibilityUpdate.of("FULL")),
                call(
                        "deleteGlobalConfig",
                        RegistryConfigs::deleteGlobalConfig,
                        "DELETE",
                        "/config",
                        null,
                        "{\"compatibilityLevel\":\"FULL\"}",
                        new CompatibilityConfig("FULL", null)),
                call(
                        "subjectConfig",
                        c -> c.subjectConfig(S, true),
                        "GET",
                        "/config/orders-value?defaultToGlobal=true",
                        null,
                        "{\"compatibilityLevel\":\"FULL_TRANSITIVE\",\"normalize\":true}",
                        new CompatibilityConfig("FULL_TRANSITIVE", true)),
                call(
                        "updateSubjectConfig",
                        c -> c.updateSubjectConfig(S, new CompatibilityUpdate("NONE", false)),
                        "PUT",
                        "/config/orders-value",
                        "{\"compatibility\":\"NONE\",\"normalize\":false}",
                        "{\"compatibility\":\"NONE\",\"normalize\":false}",
                        new CompatibilityUpdate("NONE", false)),
                call(
                        "deleteSubjectConfig",
                        c -> c.deleteSubjectConfig(S),
                        "DELETE",
                        "/config/orders-value",
                        null,
                        "{\"compatibilityLevel\":\"NONE\"}",
                        new CompatibilityConfig("NONE", null)),
                call(
                        "globalMode",
                        RegistryConfigs::globalMode,
                        "GET",
                        "/mode",
                        null,
                        "{\"mode\":\"READWRITE\"}",
                        new ModeConfig("READWRITE")),
                call(
                        "updateGlobalMode",
                        c -> c.updateGlobalMode("IMPORT", true),
                        "PUT",
                        "/mode?force=true",
                        "{\"mode\":\"IMPORT\"}",
                        "{\"mode\":\"IMPORT\"}",
                        new ModeConfig("IMPORT")),
                call(
                        "deleteGlobalMode",
                        RegistryConfigs::deleteGlobalMode,
                        "DELETE",
                        "/mode",
                        null,
                        "{\"mode\":\"IMPORT\"}",
                        new ModeConfig("IMPORT")),
                call(
                        "subjectMode",
                        c -> c.subjectMode(S, false),
                        "GET",
                        "/mode/orders-value",
                        null,
                        "{\"mode\":\"READONLY\"}",
                        new ModeConfig("READONLY")),
                call(
                        "updateSubjectMode",
                        c -> c.updateSubjectMode(S, "READONLY", false),
                        "PUT",
                        "/mode/orders-value",
                        "{\"mode\":\"READONLY\"}",
                        "{\"mode\":\"READONLY\"}",
                        new ModeConfig("READONLY")),
                call(
                        "deleteSubjectMode",
                        c -> c.deleteSubjectMode(S),
                        "DELETE",
                        "/mode/orders-value",
                        null,
                        "{\"mode\":\"READONLY\"}",
                        new ModeConfig("READONLY")));
    }

    private static Arguments call(
            String name,
            Function<SchemaRegistryClient, Object> call,
            String method,
            String target,
            String requestBody,
            String answer,
            Object expected) {
        return Arguments.of(name, call, method, target, requestBody, answer, expected);
    }

    /** The calls whose answer is a list a registry may page. */
    private static final java.util.Set<String> PAGED = java.util.Set.of(
            "subjectVersionsById",
            "subjects",
            "subjectsWithPrefixAndDeleted",
            "subjectsDeletedOnly",
            "versions",
            "versionsWithDeleted",
            "referencedBy");

    private static int count(String jsonArray) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(jsonArray)
                    .size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void everyCall_sendsExactRequest_andParsesAnswer(
            String name,
            Function<SchemaRegistryClient, Object> call,
            String method,
            String target,
            String requestBody,
            String answer,
            Object expected) {
        server.on(method, target, Reply.ok(answer));
        boolean paged = PAGED.contains(name) && !answer.equals("[]");
        if (paged) {
            // a list is read until an empty page (PagedListsTest)
            server.on(method, target + (target.contains("?") ? "&" : "?") + "offset=" + count(answer), Reply.ok("[]"));
        }

        Object result = call.apply(client);

        assertThat(result).isEqualTo(expected);
        assertThat(server.requests()).hasSize(paged ? 2 : 1);
        Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.target()).isEqualTo(target);
        assertThat(request.body()).isEqualTo(requestBody == null ? "" : requestBody);
        assertThat(request.header("Content-Type"))
                .isEqualTo(requestBody == null ? null : "application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void register_withReferencesAndNormalize_sendsConfluentBodyAndReadsConfluentAnswer() {
        String money = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"fixture.orders\",\"fields\":["
                + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,"
                + "\"scale\":2}},{\"name\":\"currency\",\"type\":\"string\"}]}";
        String created = "{\"type\": \"record\", \"name\": \"OrderCreated\", \"namespace\": \"fixture.orders\","
                + " \"fields\": [{\"name\": \"orderId\", \"type\": \"string\"},"
                + " {\"name\": \"total\", \"type\": \"fixture.orders.Money\"}]}";
        List<SchemaReference> refs = List.of(new SchemaReference("fixture.orders.Money", "fixture.orders.Money", 1));
        AvroSchema schema = AvroSchema.parse(created, refs, Map.of("fixture.orders.Money", money));
        String target = "/subjects/fixture.orders.OrderCreated/versions?normalize=true";
        server.on("POST", target, Reply.ok(fixture.stepResponse("register OrderCreated v1 with reference")));

        RegisterSchemaResponse answer =
                client.register("fixture.orders.OrderCreated", RegisterSchemaRequest.of(schema), true);

        assertThat(answer).isEqualTo(new RegisterSchemaResponse(2, 1));
        assertThat(server.lastRequest().target()).isEqualTo(target);
        assertThat(server.lastRequest().body())
                .isEqualTo("{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":"
                        + "\\\"OrderCreated\\\",\\\"namespace\\\":\\\"fixture.orders\\\",\\\"fields\\\":[{\\\"name\\\":"
                        + "\\\"orderId\\\",\\\"type\\\":\\\"string\\\"},{\\\"name\\\":\\\"total\\\",\\\"type\\\":\\\"Money\\\"}]}\","
                        + "\"references\":[{\"name\":\"fixture.orders.Money\",\"subject\":\"fixture.orders.Money\","
                        + "\"version\":1}]}");
    }

    @Test
    void oddSubject_isOnePercentEncodedPathSegment() {
        String subject = "team/orders:v1 +ü%?#";
        String encoded = "team%2Forders%3Av1%20%2B%C3%BC%25%3F%23";
        server.on("GET", "/subjects/" + encoded + "/versions/3", Reply.ok(VERSION_JSON));
        server.on("PUT", "/config/" + encoded, Reply.ok("{\"compatibility\":\"FULL\"}"));
        server.on("GET", "/subjects?subjectPrefix=" + encoded, Reply.ok("[]"));

        client.version(subject, 3);
        client.updateSubjectConfig(subject, CompatibilityUpdate.of("FULL"));
        client.subjects(subject, false, false);

        assertThat(server.requests())
                .extracting(Recorded::target)
                .containsExactly(
                        "/subjects/" + encoded + "/versions/3",
                        "/config/" + encoded,
                        "/subjects?subjectPrefix=" + encoded);
    }

    @Test
    void confluentAnswerWithUnknownFields_isRead_andAbsentSchemaTypeMeansAvro() {
        server.on("GET", "/schemas/ids/2", Reply.ok(fixture.schemaById(2)));
        server.on("GET", "/schemas/ids/12", Reply.ok("{\"schema\":\"\\\"int\\\"\",\"maxId\":13}"));

        SchemaString withRefs = client.schemaById(2);
        SchemaString plain = client.schemaById(12);

        assertThat(withRefs.schemaType()).isEqualTo("AVRO");
        assertThat(withRefs.references())
                .containsExactly(new SchemaReference("fixture.orders.Money", "fixture.orders.Money", 1));
        assertThat(withRefs.schema()).contains("\"name\":\"OrderCreated\"");
        assertThat(plain).isEqualTo(new SchemaString("\"int\"", "AVRO", List.of()));
    }

    @Test
    void baseUrlWithPath_isKeptBeforeApiPath() throws IOException {
        // Apicurio's ccompat API ignores offset: the second request answers the list again
        server.on("GET", "/apis/ccompat/v7/subjects", Reply.ok("[\"x\"]"))
                .on("GET", "/apis/ccompat/v7/subjects?offset=1", Reply.ok("[\"x\"]"));
        try (SchemaRegistryClient apicurio = SchemaRegistries.restClient(RegistryClientConfig.builder()
                .urls(server.url() + "/apis/ccompat/v7/")
                .maxRetries(0)
                .build())) {
            assertThat(apicurio.subjects()).containsExactly("x");
        }
    }
}
