package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.client.FakeRegistry.Recorded;
import dev.eventcontracts.client.FakeRegistry.Reply;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confluent answers {@code GET /config/{subject}?defaultToGlobal=true} for a subject it does not know
 * with the global level; Apicurio Registry 3 answers {@code 404 40401} "subject not found", and the client
 * passed that on, so the plugin's {@code register} and registry gate failed on every new subject. The client
 * now follows the answer: "subject not found" with {@code defaultToGlobal} means the global level applies. The
 * live proof is {@code UnknownSubjectLevelInteropIT} in compatibility-tests; this pins the exact requests.
 */
class UnknownSubjectLevelTest {

    private static final String SUBJECT_NOT_FOUND = "{\"message\":\"Subject 'new' not found.\",\"error_code\":40401}";

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

    @Test
    void subjectConfig_defaultToGlobalAnsweredSubjectNotFound_answersTheGlobalLevel() {
        server.on("GET", "/config/new?defaultToGlobal=true", Reply.json(404, SUBJECT_NOT_FOUND));
        server.on("GET", "/config", Reply.ok("{\"compatibilityLevel\":\"FULL\"}"));

        CompatibilityConfig level = client.subjectConfig("new", true);

        assertThat(level.compatibilityLevel()).isEqualTo("FULL");
        assertThat(server.requests())
                .extracting(Recorded::target)
                .containsExactly("/config/new?defaultToGlobal=true", "/config");
    }

    @Test
    void subjectConfig_withoutDefaultToGlobal_keepsSubjectNotFound() {
        server.on("GET", "/config/new", Reply.json(404, SUBJECT_NOT_FOUND));

        assertThatThrownBy(() -> client.subjectConfig("new", false))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void subjectConfig_defaultToGlobalIgnoredAndAnswered40408_answersTheGlobalLevel() {
        server.on("GET", "/config/new?defaultToGlobal=true", Reply.error(404, 40408, "no subject-level level"));
        server.on("GET", "/config", Reply.ok("{\"compatibilityLevel\":\"BACKWARD\"}"));

        assertThat(client.subjectConfig("new", true).compatibilityLevel()).isEqualTo("BACKWARD");
    }

    @Test
    void subjectConfig_defaultToGlobalAnsweredA404WithoutErrorCode_isPassedOn() {
        server.on("GET", "/config/new?defaultToGlobal=true", Reply.text(404, "text/html", "<h1>Not Found</h1>"));

        assertThatThrownBy(() -> client.subjectConfig("new", true))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(server.requests()).hasSize(1);
    }
}
