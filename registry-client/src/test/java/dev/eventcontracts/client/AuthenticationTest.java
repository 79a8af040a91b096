package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.FakeRegistry.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code Authorization} and custom headers each credential source produces, as Confluent's client sends them. */
class AuthenticationTest {

    private FakeRegistry server;

    @BeforeEach
    void start() throws IOException {
        server = FakeRegistry.http();
        server.on("GET", "/subjects", Reply.ok("[]"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FakeRegistry.Recorded requestWith(RegistryClientConfig config) {
        try (SchemaRegistryClient client = SchemaRegistries.restClient(config)) {
            client.subjects();
        }
        return server.lastRequest();
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userInfoSource_sendsBasicAuthHeader() {
        RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(Map.of(
                "schema.registry.url", server.url(),
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "alice:p@ss:word"));

        assertThat(requestWith(config).header("Authorization")).isEqualTo(basic("alice:p@ss:word"));
    }

    @Test
    void urlSource_sendsDecodedUserInfoOfTheUrlAsBasicAuth_notInTheRequestLine() {
        RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(Map.of(
                "schema.registry.url",
                server.urlWithUserInfo("bob:p%40ss%3Aword"),
                "basic.auth.credentials.source",
                "URL"));

        FakeRegistry.Recorded request = requestWith(config);

        assertThat(request.header("Authorization")).isEqualTo(basic("bob:p@ss:word"));
        assertThat(request.target()).isEqualTo("/subjects");
    }

    @Test
    void urlSourceIsTheDefault_andAUrlWithoutUserInfoSendsNoAuthorization() {
        RegistryClientConfig config =
                RegistryClientConfig.fromConfluentProperties(Map.of("schema.registry.url", server.url()));

        assertThat(requestWith(config).header("Authorization")).isNull();
    }

    @Test
    void staticBearerToken_sendsBearerHeader() {
        RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(Map.of(
                "schema.registry.url", server.url(),
                "bearer.auth.credentials.source", "STATIC_TOKEN",
                "bearer.auth.token", "eyJhbGciOi.token"));

        assertThat(requestWith(config).header("Authorization")).isEqualTo("Bearer eyJhbGciOi.token");
    }

    @Test
    void requestHeaderKeys_areSentWithEveryRequest() {
        RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(Map.of(
                "schema.registry.url", server.url(),
                "request.header.X-Tenant", "acme",
                "request.header.target-sr-cluster", "lsrc-123"));

        FakeRegistry.Recorded request = requestWith(config);

        assertThat(request.header("X-Tenant")).isEqualTo("acme");
        assertThat(request.header("target-sr-cluster")).isEqualTo("lsrc-123");
    }
}
