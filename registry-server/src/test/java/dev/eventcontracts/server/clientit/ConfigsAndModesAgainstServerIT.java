package dev.eventcontracts.server.clientit;

import static dev.eventcontracts.client.RegistryException.Kind.INVALID;
import static dev.eventcontracts.client.RegistryException.Kind.NOT_FOUND;
import static dev.eventcontracts.server.clientit.ClientFixture.registryError;
import static dev.eventcontracts.server.clientit.Contracts.avro;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.CompatibilityConfig;
import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.ModeConfig;
import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client's compatibility-level and mode calls, global and per subject, over real HTTP against this
 * module's registry server on Kafka. Global settings are reset after every test, because the registry is shared
 * by the JVM's test classes, which run one after another.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
class ConfigsAndModesAgainstServerIT {

    private final Contracts c = Contracts.fresh();
    private final SchemaRegistryClient client;

    ConfigsAndModesAgainstServerIT(RunningRegistry registry) {
        this.client = ClientFixture.restClient(registry.url());
    }

    @AfterEach
    void resetGlobalSettingsAndClose() {
        try {
            client.deleteGlobalConfig();
            client.deleteGlobalMode();
        } finally {
            client.close();
        }
    }

    @Test
    void globalConfig_unset_answersTheServerDefaultBackward() {
        assertThat(client.globalConfig().compatibilityLevel()).isEqualTo("BACKWARD");
    }

    @Test
    void updateGlobalConfig_echoesAndStoresTheLevel_deleteAnswersItAndRestoresTheDefault() {
        CompatibilityUpdate echo = client.updateGlobalConfig(CompatibilityUpdate.of("full_transitive"));

        assertThat(echo.compatibility()).isEqualTo("FULL_TRANSITIVE");
        assertThat(client.globalConfig().compatibilityLevel()).isEqualTo("FULL_TRANSITIVE");
        assertThat(client.deleteGlobalConfig().compatibilityLevel()).isEqualTo("FULL_TRANSITIVE");
        assertThat(client.globalConfig().compatibilityLevel()).isEqualTo("BACKWARD");
    }

    @Test
    void updateConfig_unknownLevel_throwsInvalid42203() {
        registryError(() -> client.updateGlobalConfig(CompatibilityUpdate.of("SIDEWAYS")), INVALID, 422, 42203);
        registryError(
                () -> client.updateSubjectConfig(c.subject("x"), CompatibilityUpdate.of("SIDEWAYS")),
                INVALID,
                422,
                42203);
    }

    @Test
    void subjectConfig_withoutOwnLevel_throws40408_unlessDefaultToGlobal() {
        String s = c.subject("inherits");

        registryError(() -> client.subjectConfig(s, false), NOT_FOUND, 404, 40408);
        assertThat(client.subjectConfig(s, true).compatibilityLevel()).isEqualTo("BACKWARD");
        client.updateGlobalConfig(CompatibilityUpdate.of("FORWARD"));
        assertThat(client.subjectConfig(s, true).compatibilityLevel()).isEqualTo("FORWARD");
    }

    @Test
    void subjectConfig_updateReadDelete_roundTrip() {
        String s = c.subject("own");

        assertThat(client.updateSubjectConfig(s, CompatibilityUpdate.of("NONE")).compatibility())
                .isEqualTo("NONE");
        assertThat(client.subjectConfig(s, false)).isEqualTo(new CompatibilityConfig("NONE", null));
        assertThat(client.subjectConfig(s, true).compatibilityLevel()).isEqualTo("NONE");
        assertThat(client.deleteSubjectConfig(s).compatibilityLevel()).isEqualTo("NONE");

        registryError(() -> client.subjectConfig(s, false), NOT_FOUND, 404, 40408);
        registryError(() -> client.deleteSubjectConfig(s), NOT_FOUND, 404, 40408);
    }

    @Test
    void subjectConfigNone_letsAnIncompatibleSchemaRegister() {
        String s = c.subject("loose");
        client.register(s, avro(c.record("Loose", "a")), false);
        client.updateSubjectConfig(s, CompatibilityUpdate.of("NONE"));

        assertThat(client.register(s, avro(c.intField("Loose")), false).version())
                .isEqualTo(2);
    }

    @Test
    void globalMode_updateReadDelete_readOnlyRefusesRegistrations() {
        String s = c.subject("frozen");
        assertThat(client.globalMode().mode()).isEqualTo("READWRITE");

        assertThat(client.updateGlobalMode("READONLY", false)).isEqualTo(new ModeConfig("READONLY"));
        assertThat(client.globalMode().mode()).isEqualTo("READONLY");
        registryError(() -> client.register(s, avro(c.money()), false), INVALID, 422, 42205);

        assertThat(client.deleteGlobalMode().mode()).isEqualTo("READONLY");
        assertThat(client.globalMode().mode()).isEqualTo("READWRITE");
        assertThat(client.register(s, avro(c.money()), false).version()).isEqualTo(1);
    }

    @Test
    void updateMode_unknownMode_throwsInvalid42204() {
        registryError(() -> client.updateGlobalMode("SIDEWAYS", false), INVALID, 422, 42204);
    }

    @Test
    void subjectMode_withoutOwnMode_throws40409_unlessDefaultToGlobal() {
        String s = c.subject("inherits");

        registryError(() -> client.subjectMode(s, false), NOT_FOUND, 404, 40409);
        assertThat(client.subjectMode(s, true).mode()).isEqualTo("READWRITE");
        client.updateGlobalMode("READONLY", false);
        assertThat(client.subjectMode(s, true).mode()).isEqualTo("READONLY");
    }

    @Test
    void subjectMode_readOnly_refusesWritesToThatSubjectOnly_untilDeleted() {
        String s = c.subject("frozen");
        client.register(s, avro(c.record("Frozen", "a")), false);

        assertThat(client.updateSubjectMode(s, "READONLY", false).mode()).isEqualTo("READONLY");
        assertThat(client.subjectMode(s, false).mode()).isEqualTo("READONLY");
        registryError(
                () -> client.register(s, avro(c.recordWithInt("Frozen", "n", true, "a")), false), INVALID, 422, 42205);
        registryError(() -> client.deleteVersion(s, 1, false), INVALID, 422, 42205);
        assertThat(client.register(c.subject("other"), avro(c.money()), false).version())
                .isEqualTo(1);

        assertThat(client.deleteSubjectMode(s).mode()).isEqualTo("READONLY");
        registryError(() -> client.subjectMode(s, false), NOT_FOUND, 404, 40409);
        assertThat(client.register(s, avro(c.recordWithInt("Frozen", "n", true, "a")), false)
                        .version())
                .isEqualTo(2);
    }

    @Test
    void subjectMode_importOnASubjectWithSchemas_needsForce() {
        String s = c.subject("existing");
        client.register(s, avro(c.money()), false);

        registryError(() -> client.updateSubjectMode(s, "IMPORT", false), INVALID, 422, 42205);
        assertThat(client.updateSubjectMode(s, "IMPORT", true).mode()).isEqualTo("IMPORT");
        assertThat(client.subjectMode(s, false).mode()).isEqualTo("IMPORT");
    }

    @Test
    void importMode_registrationKeepsTheGivenIdAndVersion() {
        String s = c.subject("imported");
        int id = 100_000 + ThreadLocalRandom.current().nextInt(100_000);
        client.updateSubjectMode(s, "IMPORT", false);

        int answered = client.register(s, new RegisterSchemaRequest(c.money(), null, null, 5, id), false)
                .id();

        assertThat(answered).isEqualTo(id);
        SubjectSchema stored = client.version(s, 5);
        assertThat(stored.id()).isEqualTo(id);
        assertThat(client.schemaById(id).schema()).isEqualTo(stored.schema());
        assertThat(client.versions(s)).containsExactly(5);
    }
}
