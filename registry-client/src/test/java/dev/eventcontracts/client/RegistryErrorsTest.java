package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eventcontracts.client.FakeRegistry.Reply;
import dev.eventcontracts.client.RegistryException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors are typed by kind and carry the HTTP status and Confluent's error code; secrets never show. */
class RegistryErrorsTest {

    private static final String SECRET = "s3cr3t-Pa55";

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

    private RegistryException latestFails(Reply reply) {
        server.on("GET", "/subjects/s/versions/latest", reply);
        return catchThrowableOfType(RegistryException.class, () -> client.latestVersion("s"));
    }

    @Test
    void unknownSubject_isNotFoundWith40401_andRegistryMessage() {
        RegistryException e = latestFails(Reply.error(404, 40401, "Subject 's' not found."));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(40401);
        assertThat(e.getMessage())
                .startsWith("Subject 's' not found.")
                .contains("HTTP 404", "40401", "GET " + server.url() + "/subjects/s/versions/latest");
    }

    @Test
    void unknownSchemaId_isNotFoundWith40403() {
        server.on("GET", "/schemas/ids/99", Reply.error(404, 40403, "Schema 99 not found"));

        RegistryException e = catchThrowableOfType(RegistryException.class, () -> client.schemaById(99));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.errorCode()).isEqualTo(40403);
    }

    @Test
    void incompatibleSchema_isConflictWithConfluentsMessage() {
        server.on(
                "POST",
                "/subjects/simple-value/versions",
                Reply.json(409, fixture.stepResponse("incompatible register refused")));

        RegistryException e = catchThrowableOfType(
                RegistryException.class,
                () -> client.register("simple-value", RegisterSchemaRequest.of("\"int\"", null, null), false));

        assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.errorCode()).isEqualTo(40901);
        assertThat(e.getMessage()).contains("Schema being registered is incompatible", "TYPE_MISMATCH");
    }

    @Test
    void invalidSchema_isInvalidWith42201() {
        RegistryException e = latestFails(Reply.error(422, 42201, "Invalid schema"));

        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e.errorCode()).isEqualTo(42201);
    }

    @Test
    void missingCredentials_isUnauthorized() {
        RegistryException e = latestFails(Reply.error(401, 40101, "Unauthorized"));

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.status()).isEqualTo(401);
    }

    @Test
    void deniedCredentials_isForbidden() {
        RegistryException e = latestFails(Reply.error(403, 40301, "User cannot access the resource."));

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.errorCode()).isEqualTo(40301);
    }

    @Test
    void nonJsonErrorBody_keepsStatus_andQuotesAnExcerpt() {
        String html = "<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p>" + "x".repeat(500) + "</body></html>";

        RegistryException e = latestFails(Reply.text(502, "text/html", html));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.errorCode()).isZero();
        assertThat(e.getMessage())
                .contains("HTTP 502", "<h1>502 Bad Gateway</h1> <p>nginx</p>", "...")
                .doesNotContain("</html>");
    }

    @Test
    void plainTextNotFound_isNotFoundWithoutErrorCode() {
        RegistryException e = latestFails(Reply.text(404, "text/plain", "Not Found"));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.errorCode()).isZero();
        assertThat(e.getMessage()).contains("'Not Found'");
    }

    @Test
    void unreadableSuccessBody_isOtherWithStatus200() {
        RegistryException e = latestFails(Reply.text(200, "text/html", "<html>login page</html>"));

        assertThat(e.kind()).isEqualTo(Kind.OTHER);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).contains("Unreadable answer", "login page");
    }

    @Test
    void errorMessages_neverContainCredentials() throws IOException {
        server.on("GET", "/subjects", Reply.error(401, 40101, "Unauthorized"));
        int refused;
        try (ServerSocket socket = new ServerSocket(0)) {
            refused = socket.getLocalPort();
        }
        RegistryClientConfig urlCredentials = RegistryClientConfig.builder()
                .maxRetries(0)
                .urls("http://alice:" + SECRET + "@127.0.0.1:" + refused + ","
                        + server.urlWithUserInfo("bob:" + SECRET))
                .build();
        RegistryClientConfig tokenConfig = RegistryClientConfig.builder()
                .urls(server.url())
                .maxRetries(0)
                .bearerToken(SECRET)
                .build();

        try (SchemaRegistryClient withUrlCredentials = SchemaRegistries.restClient(urlCredentials);
                SchemaRegistryClient withToken = SchemaRegistries.restClient(tokenConfig)) {
            RegistryException refusedOrUnauthorized =
                    catchThrowableOfType(RegistryException.class, withUrlCredentials::subjects);
            RegistryException unauthorized = catchThrowableOfType(RegistryException.class, withToken::subjects);

            assertThat(refusedOrUnauthorized.getMessage()).doesNotContain(SECRET, "alice", "bob");
            assertThat(unauthorized.getMessage()).doesNotContain(SECRET);
        }
        assertThat(urlCredentials.toString()).doesNotContain(SECRET, "alice");
        assertThat(tokenConfig.toString()).doesNotContain(SECRET).contains("auth=bearer");
    }
}
