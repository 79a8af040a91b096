package dev.eventcontracts.server.clientit;

import static dev.eventcontracts.client.RegistryException.Kind.FORBIDDEN;
import static dev.eventcontracts.client.RegistryException.Kind.UNAUTHORIZED;
import static dev.eventcontracts.server.clientit.ClientFixture.registryError;
import static dev.eventcontracts.server.clientit.Contracts.avro;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningKafka;
import dev.eventcontracts.server.RegistryServer;
import dev.eventcontracts.server.RegistryServerConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The REST client's basic authentication against a registry server that requires it (users with the roles
 * read-only, read-write and admin), on the JVM's shared Kafka broker: credentials from {@code USER_INFO} and
 * from the URL are accepted, wrong or missing ones give {@link RegistryException.Kind#UNAUTHORIZED}, and a role
 * without the right gives {@link RegistryException.Kind#FORBIDDEN}.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthAgainstServerIT {

    private RegistryServer server;

    @BeforeAll
    void start(RunningKafka kafka) {
        server = ClientFixture.startServer(
                kafka.bootstrapServers(),
                Map.of(
                        RegistryServerConfig.AUTHENTICATION_METHOD,
                        "BASIC",
                        RegistryServerConfig.AUTHENTICATION_USERS,
                        "reader:reader-secret:read-only;writer:writer-secret:read-write;admin:admin-secret:admin"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private SchemaRegistryClient userInfoClient(String userInfo) {
        return ClientFixture.restClient(userInfoProperties(userInfo));
    }

    private Map<String, Object> userInfoProperties(String userInfo) {
        Map<String, Object> props = ClientFixture.confluentProperties(server.url());
        props.put("basic.auth.credentials.source", "USER_INFO");
        props.put("basic.auth.user.info", userInfo);
        return props;
    }

    @Test
    void userInfoCredentials_admin_registersReadsAndConfigures() {
        Contracts c = Contracts.fresh();
        try (SchemaRegistryClient admin = userInfoClient("admin:admin-secret")) {
            int id = admin.register(c.subject("money"), avro(c.money()), false).id();

            assertThat(admin.schemaById(id).schema()).contains("Money");
            assertThat(admin.updateSubjectConfig(c.subject("money"), CompatibilityUpdate.of("FULL"))
                            .compatibility())
                    .isEqualTo("FULL");
            assertThat(admin.updateSubjectMode(c.subject("money"), "READONLY", false)
                            .mode())
                    .isEqualTo("READONLY");
        }
    }

    @Test
    void urlCredentials_readWriteUser_registersAndDeletes() {
        Contracts c = Contracts.fresh();
        String withUserInfo = server.url().replace("://", "://writer:writer-secret@");
        try (SchemaRegistryClient writer = ClientFixture.restClient(withUserInfo)) {
            assertThat(writer.register(c.subject("money"), avro(c.money()), false)
                            .version())
                    .isEqualTo(1);
            assertThat(writer.deleteSubject(c.subject("money"), false)).containsExactly(1);
        }
    }

    @Test
    void wrongPassword_throwsUnauthorized401_withoutEchoingThePassword() {
        try (SchemaRegistryClient wrong = userInfoClient("admin:not-the-secret")) {
            RegistryException e = registryError(wrong::subjects, UNAUTHORIZED, 401, 401);

            assertThat(e.getMessage()).doesNotContain("not-the-secret");
        }
        try (SchemaRegistryClient unknown = userInfoClient("nobody:admin-secret")) {
            registryError(unknown::schemaTypes, UNAUTHORIZED, 401, 401);
        }
    }

    @Test
    void wrongPasswordInTheUrl_throwsUnauthorized401_withoutEchoingThePassword() {
        String withUserInfo = server.url().replace("://", "://writer:url-guess@");
        try (SchemaRegistryClient wrong = ClientFixture.restClient(withUserInfo)) {
            RegistryException e = registryError(() -> wrong.versions("any"), UNAUTHORIZED, 401, 401);

            assertThat(e.getMessage()).doesNotContain("url-guess");
        }
    }

    @Test
    void noCredentials_throwsUnauthorized401() {
        try (SchemaRegistryClient anonymous = ClientFixture.restClient(server.url())) {
            registryError(anonymous::globalConfig, UNAUTHORIZED, 401, 401);
        }
    }

    @Test
    void cachedRegistry_wrongCredentials_throwsUnauthorized() {
        RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(userInfoProperties("reader:guess"));
        try (SchemaRegistry cached = SchemaRegistries.create(config)) {
            registryError(() -> cached.schemaById(1), UNAUTHORIZED, 401, 401);
        }
    }

    @Test
    void readOnlyUser_readsLooksUpAndChecks_butEveryWriteIsForbidden() {
        Contracts c = Contracts.fresh();
        String s = c.subject("money");
        try (SchemaRegistryClient admin = userInfoClient("admin:admin-secret");
                SchemaRegistryClient reader = userInfoClient("reader:reader-secret")) {
            int id = admin.register(s, avro(c.money()), false).id();

            assertThat(reader.lookup(s, avro(c.money()), false, false).id()).isEqualTo(id);
            assertThat(reader.latestVersion(s).id()).isEqualTo(id);
            assertThat(reader.testCompatibilityAll(s, avro(c.money()), false, false)
                            .isCompatible())
                    .isTrue();

            RegistryException e =
                    registryError(() -> reader.register(s, avro(c.record("Other", "a")), false), FORBIDDEN, 403, 403);
            assertThat(e.getMessage()).contains("reader");
            registryError(() -> reader.deleteSubject(s, false), FORBIDDEN, 403, 403);
            registryError(() -> reader.updateSubjectConfig(s, CompatibilityUpdate.of("NONE")), FORBIDDEN, 403, 403);
            registryError(() -> reader.updateGlobalMode("READONLY", false), FORBIDDEN, 403, 403);
            assertThat(admin.versions(s)).containsExactly(1);
        }
    }

    @Test
    void readWriteUser_cannotConfigureOrDeletePermanently() {
        Contracts c = Contracts.fresh();
        String s = c.subject("money");
        try (SchemaRegistryClient writer = userInfoClient("writer:writer-secret")) {
            writer.register(s, avro(c.money()), false);
            writer.deleteSubject(s, false);

            registryError(() -> writer.deleteSubject(s, true), FORBIDDEN, 403, 403);
            registryError(() -> writer.updateGlobalConfig(CompatibilityUpdate.of("NONE")), FORBIDDEN, 403, 403);
            registryError(() -> writer.deleteSubjectMode(s), FORBIDDEN, 403, 403);
        }
    }
}
