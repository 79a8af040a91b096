package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryServerConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaults_areConfluents() {
        RegistryServerConfig config = RegistryServerConfig.of(Map.of());

        assertThat(config.listeners()).containsExactly("http://0.0.0.0:8081");
        assertThat(config.getString(RegistryServerConfig.COMPATIBILITY_LEVEL)).isEqualTo("backward");
        assertThat(config.getString("kafkastore.topic")).isEqualTo("_schemas");
        assertThat(config.hasKafkaStore()).isFalse();
    }

    @Test
    void load_environmentOverridesTheFileAndExplicitValuesOverrideBoth() throws IOException {
        Path file = dir.resolve("registry.properties");
        Files.writeString(file, "listeners=http://0.0.0.0:1\nkafkastore.topic=from-file\nhost.name=file-host\n");

        RegistryServerConfig config = RegistryServerConfig.load(
                file,
                Map.of(
                        "SCHEMA_REGISTRY_KAFKASTORE_TOPIC", "from-env",
                        "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "localhost:9092",
                        "SCHEMA_REGISTRY_HOST_NAME", "env-host",
                        "UNRELATED", "x"),
                Map.of(RegistryServerConfig.HOST_NAME, "explicit-host"));

        assertThat(config.listeners()).containsExactly("http://0.0.0.0:1");
        assertThat(config.getString("kafkastore.topic")).isEqualTo("from-env");
        assertThat(config.hasKafkaStore()).isTrue();
        assertThat(config.getString(RegistryServerConfig.HOST_NAME)).isEqualTo("explicit-host");
    }

    @Test
    void environmentNames_followConfluentsImageConvention() {
        assertThat(RegistryServerConfig.fromEnvironment(Map.of(
                        "SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "full",
                        "SCHEMA_REGISTRY_A__B___C", "v")))
                .containsEntry("schema.compatibility.level", "full")
                .containsEntry("a_b-c", "v");
    }

    @Test
    void invalidValue_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> RegistryServerConfig.of(Map.of(RegistryServerConfig.COMPATIBILITY_LEVEL, "sideways")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistryServerConfig.COMPATIBILITY_LEVEL)
                .hasMessageContaining("sideways");
    }

    @Test
    void basicAuthWithoutUsers_fails() {
        assertThatThrownBy(() -> RegistryServerConfig.of(Map.of(RegistryServerConfig.AUTHENTICATION_METHOD, "BASIC")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("authentication.users");
    }

    @Test
    void httpsWithoutKeystore_fails() {
        assertThatThrownBy(() -> RegistryServerConfig.of(Map.of(RegistryServerConfig.LISTENERS, "https://0.0.0.0:1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ssl.keystore.location");
    }

    @Test
    void toString_hidesSecrets() {
        RegistryServerConfig config = RegistryServerConfig.of(Map.of(
                RegistryServerConfig.AUTHENTICATION_METHOD, "BASIC",
                RegistryServerConfig.AUTHENTICATION_USERS, "alice:very-secret:admin",
                RegistryServerConfig.SSL_KEYSTORE_PASSWORD, "keystore-secret"));

        assertThat(config.toString())
                .doesNotContain("very-secret")
                .doesNotContain("keystore-secret")
                .contains("[hidden]");
    }
}
