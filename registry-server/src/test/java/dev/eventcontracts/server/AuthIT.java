package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP basic authentication with roles: anonymous and wrong credentials get 401, a role without the right 403,
 * both as JSON error bodies; read-only users read, read-write users register, admins configure. Users come from
 * a users file and from an inline setting (as from the environment).
 */
@Tag("integration")
@Timeout(value = 1, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {

    private RegistryServer server;
    private Rest anonymous;
    private Rest reader;
    private Rest writer;
    private Rest admin;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        Path users = dir.resolve("users.properties");
        Files.writeString(
                users,
                "# user: password,role\nreader: reader-secret,read-only\n" + "writer: sha256:" + sha256("writer-secret")
                        + ",read-write\n");
        server = TestServers.inMemory(Map.of(
                RegistryServerConfig.AUTHENTICATION_METHOD, "BASIC",
                RegistryServerConfig.AUTHENTICATION_USERS_FILE, users.toString(),
                RegistryServerConfig.AUTHENTICATION_USERS, "admin:admin-secret:admin"));
        anonymous = new Rest(server.url());
        reader = anonymous.as("reader", "reader-secret");
        writer = anonymous.as("writer", "writer-secret");
        admin = anonymous.as("admin", "admin-secret");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anonymous_answers401WithChallengeAndJsonBody() {
        Rest.Answer answer = anonymous.get("/subjects");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
    }

    @Test
    void wrongPassword_answers401() {
        assertThat(anonymous.as("reader", "guess").get("/subjects").status()).isEqualTo(401);
        assertThat(anonymous.as("nobody", "reader-secret").get("/subjects").status())
                .isEqualTo(401);
    }

    @Test
    void readOnlyUser_readsLooksUpAndChecks() {
        String s = subject();
        writer.register(s, "\"int\"");

        assertThat(reader.get("/subjects/" + s + "/versions/1").status()).isEqualTo(200);
        assertThat(reader.post("/subjects/" + s, Rest.schemaBody("\"int\"")).status())
                .isEqualTo(200);
        assertThat(reader.post("/compatibility/subjects/" + s + "/versions", Rest.schemaBody("\"int\""))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void readOnlyUser_cannotRegisterOrDelete() {
        Rest.Answer answer = reader.register(subject(), "\"int\"");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorCode()).isEqualTo(403);
        assertThat(answer.message()).isEqualTo("User 'reader' with role read-only may not perform write operations");
        assertThat(reader.delete("/subjects/anything").status()).isEqualTo(403);
    }

    @Test
    void readWriteUser_registersButCannotConfigure() {
        assertThat(writer.register(subject(), "\"long\"").status()).isEqualTo(200);
        assertThat(writer.put("/config", Rest.MAPPER.createObjectNode().put("compatibility", "NONE"))
                        .status())
                .isEqualTo(403);
        assertThat(writer.delete("/subjects/x?permanent=true").status()).isEqualTo(403);
    }

    @Test
    void admin_configures() {
        assertThat(admin.put(
                                "/mode/" + subject(),
                                Rest.MAPPER.createObjectNode().put("mode", "READWRITE"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void healthAndMetrics_needNoCredentials() {
        assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void unknownPathWithoutCredentials_answers401NotTheResource() {
        assertThat(anonymous.get("/secret/path").status()).isEqualTo(401);
    }

    private static String sha256(String password) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
