package dev.eventcontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    private static AvroSerdeConfig config(Object... keyValues) {
        Map<String, Object> props = new HashMap<>();
        props.put("schema.registry.url", "http://registry.test:8081");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new AvroSerdeConfig(props);
    }

    @Test
    void defaults_areConfluents() {
        AvroSerdeConfig config = config();

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.latestCompatibilityStrict()).isTrue();
        assertThat(config.normalizeSchemas()).isFalse();
        assertThat(config.useSchemaId()).isEqualTo(-1);
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.useLogicalTypeConverters()).isFalse();
        assertThat(config.latestCacheTtlSeconds()).isEqualTo(-1);
        assertThat(config.maxSchemasPerSubject()).isEqualTo(1000);
        assertThat(config.getString("basic.auth.credentials.source")).isEqualTo("URL");
        assertThat(config.getString("bearer.auth.credentials.source")).isEqualTo("STATIC_TOKEN");
        assertThat(config.subjectNameStrategy(false)).isInstanceOf(TopicNameStrategy.class);
    }

    @Test
    void urls_commaSeparated_areSplit() {
        assertThat(config("schema.registry.url", "http://a:8081,https://b:8081").schemaRegistryUrls())
                .containsExactly("http://a:8081", "https://b:8081");
    }

    @Test
    void confluentStrategyClassNames_areAccepted() {
        AvroSerdeConfig config = config(
                "key.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");

        assertThat(config.subjectNameStrategy(true)).isInstanceOf(RecordNameStrategy.class);
        assertThat(config.subjectNameStrategy(false)).isInstanceOf(TopicRecordNameStrategy.class);
    }

    @Test
    void strategyGivenAsClass_isAccepted() {
        assertThat(config("value.subject.name.strategy", RecordNameStrategy.class)
                        .subjectNameStrategy(false))
                .isInstanceOf(RecordNameStrategy.class);
    }

    @Test
    void missingUrl_failsNamingKey() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void urlWithoutScheme_failsNamingKeyValueAndExpectation() {
        assertThatThrownBy(() -> config("schema.registry.url", "localhost:8081"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageContaining("localhost:8081")
                .hasMessageContaining("expected an http:// or https:// URL");
    }

    @Test
    void invalidBoolean_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> config("auto.register.schemas", "yes"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas")
                .hasMessageContaining("yes")
                .hasMessageContaining("Expected value to be either true or false");
    }

    @Test
    void unknownStrategy_failsNamingKeyValueAndExpectation() {
        assertThatThrownBy(() -> config("value.subject.name.strategy", "com.example.Missing"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("com.example.Missing")
                .hasMessageContaining("expected TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy");
    }

    @Test
    void credentialsSourceOutsideAllowedValues_failsListingThem() {
        assertThatThrownBy(() -> config("basic.auth.credentials.source", "TOKEN"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source")
                .hasMessageContaining("TOKEN")
                .hasMessageContaining("USER_INFO");
    }

    @Test
    void specificTypeNotASpecificRecord_failsNamingKeyAndClass() {
        assertThatThrownBy(() -> config("specific.avro.value.type", String.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specific.avro.value.type")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("expected a class implementing org.apache.avro.specific.SpecificRecord");
    }

    @Test
    void negativeTtlBelowMinusOne_failsNamingKey() {
        assertThatThrownBy(() -> config("latest.cache.ttl.sec", -5L))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("latest.cache.ttl.sec");
    }

    @Test
    void configDef_declaresRegistryTlsKeysWithPrefix() {
        assertThat(AvroSerdeConfig.configDef().names())
                .contains(
                        "schema.registry.ssl.truststore.location",
                        "schema.registry.ssl.keystore.password",
                        "schema.registry.ssl.endpoint.identification.algorithm",
                        "bearer.auth.token",
                        "basic.auth.user.info",
                        "use.schema.id",
                        "key.subject.name.strategy");
    }

    @Test
    void credentialSourceTheClientCannotServe_failsAtConfigureNamingTheKey() {
        AvroSerializer serializer = new AvroSerializer();

        assertThatThrownBy(() -> serializer.configure(
                        Map.of(
                                "schema.registry.url",
                                "http://registry.test:8081",
                                "bearer.auth.credentials.source",
                                "OAUTHBEARER"),
                        false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bearer.auth.credentials.source")
                .hasMessageContaining("OAUTHBEARER");
    }

    @Test
    void readme_holdsTheTableRenderedFromTheDeclaration() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String table = markdownTable();
        if (!readme.contains(table)) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "configuration-table.md"), table);
        }

        assertThat(readme)
                .as("README.md's configuration table is stale: paste target/configuration-table.md")
                .contains(table);
    }

    /** The README's table: every key of {@link AvroSerdeConfig#configDef()}, sorted. */
    private static String markdownTable() {
        StringBuilder md = new StringBuilder("| Key | Type | Default | Valid values | Importance | Description |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        AvroSerdeConfig.configDef().configKeys().values().stream()
                .sorted((a, b) -> a.name.compareTo(b.name))
                .forEach(key -> md.append("| `")
                        .append(key.name)
                        .append("` | ")
                        .append(key.type.name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ")
                        .append(
                                !key.hasDefault()
                                        ? "(required)"
                                        : "".equals(key.defaultValue) ? "`\"\"`" : "`" + key.defaultValue + "`")
                        .append(" | ")
                        .append(key.validator == null ? "" : key.validator.toString())
                        .append(" | ")
                        .append(key.importance.name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ")
                        .append(key.documentation)
                        .append(" |\n"));
        return md.toString();
    }
}
