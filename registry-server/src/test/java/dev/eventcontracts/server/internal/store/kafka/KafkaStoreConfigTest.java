package dev.eventcontracts.server.internal.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class KafkaStoreConfigTest {

    @Test
    void defaults_areConfluents() {
        KafkaStoreConfig config = new KafkaStoreConfig(Map.of("kafkastore.bootstrap.servers", "k:9092"));

        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.topicReplicationFactor()).isEqualTo(3);
        assertThat(config.groupId()).isEqualTo("schema-registry");
        assertThat(config.leaderEligibility()).isTrue();
        assertThat(config.initTimeoutMs()).isEqualTo(60_000);
    }

    @Test
    void bootstrapServers_withProtocolPrefix_strippedAndProtocolPassedOn() {
        KafkaStoreConfig config =
                new KafkaStoreConfig(Map.of("kafkastore.bootstrap.servers", "SASL_SSL://k1:9093, SASL_SSL://k2:9093"));

        assertThat(config.bootstrapServers()).containsExactly("k1:9093", "k2:9093");
        assertThat(config.clientProps())
                .containsEntry("bootstrap.servers", "k1:9093,k2:9093")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void clientProps_passOnUndeclaredKafkastoreSettingsWithoutPrefix() {
        KafkaStoreConfig config = new KafkaStoreConfig(Map.of(
                "kafkastore.bootstrap.servers", "k:9092",
                "kafkastore.security.protocol", "SSL",
                "kafkastore.ssl.truststore.location", "/etc/ts.jks",
                "kafkastore.topic", "_other",
                "listeners", "http://0.0.0.0:8081"));

        assertThat(config.clientProps())
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/ts.jks")
                .doesNotContainKeys("topic", "kafkastore.topic", "listeners");
    }

    @Test
    void missingBootstrapServers_failsNamingTheKey() {
        assertThatThrownBy(() -> new KafkaStoreConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafkastore.bootstrap.servers");
    }

    @Test
    void invalidReplicationFactor_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> new KafkaStoreConfig(
                        Map.of("kafkastore.bootstrap.servers", "k:9092", "kafkastore.topic.replication.factor", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafkastore.topic.replication.factor")
                .hasMessageContaining("0");
    }
}
