package dev.eventcontracts.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void load_fileAndInline_authenticateWithTheirRoles() throws IOException {
        Path file = dir.resolve("users");
        Files.writeString(file, "# comment\nalice: a-secret,admin\n\nbob: b-secret, read-only\n");

        Credentials credentials = Credentials.load(file, "carol:c:secret:read-write");

        assertThat(credentials.authenticate("alice", "a-secret")).contains(Role.ADMIN);
        assertThat(credentials.authenticate("bob", "b-secret")).contains(Role.READ_ONLY);
        assertThat(credentials.authenticate("carol", "c:secret")).contains(Role.READ_WRITE);
        assertThat(credentials.authenticate("alice", "wrong")).isEmpty();
        assertThat(credentials.authenticate("nobody", "a-secret")).isEmpty();
    }

    @Test
    void load_unknownRole_failsNamingTheEntryButNotThePassword() {
        assertThatThrownBy(() -> Credentials.load(null, "dave:hunter2:superuser"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 1")
                .hasMessageContaining("superuser")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void basicAuth_decidesPerAccess() {
        BasicAuth auth = new BasicAuth(Credentials.load(null, "r:p:read-only"), "Registry");
        String header = "Basic " + java.util.Base64.getEncoder().encodeToString("r:p".getBytes());

        assertThat(auth.check(header, Access.READ)).isInstanceOf(BasicAuth.Allowed.class);
        assertThat(auth.check(header, Access.WRITE)).isInstanceOf(BasicAuth.Forbidden.class);
        assertThat(auth.check(null, Access.READ)).isInstanceOf(BasicAuth.Unauthenticated.class);
        assertThat(auth.check("Basic !!!", Access.READ)).isInstanceOf(BasicAuth.Unauthenticated.class);
        assertThat(auth.challenge()).isEqualTo("Basic realm=\"Registry\"");
    }
}
