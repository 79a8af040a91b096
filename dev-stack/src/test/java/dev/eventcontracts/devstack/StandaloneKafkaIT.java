package dev.eventcontracts.devstack;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The developer's broker through its public entry point: a free port on request, data kept across restarts. */
@Tag("integration")
@Timeout(value = 120, unit = SECONDS)
class StandaloneKafkaIT {

    @TempDir
    Path dataDir;

    @Test
    void restart_onTheSameDataDirectory_keepsClusterIdAndRecords() throws Exception {
        String clusterId;
        try (StandaloneKafka kafka = StandaloneKafka.start(dataDir, 0)) {
            assertThat(kafka.bootstrapServers()).matches("localhost:\\d+");
            try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers(), Map.of())) {
                producer.send(new ProducerRecord<>("kept", "k", "v")).get(30, SECONDS);
            }
            clusterId = clusterId(kafka);
        }

        try (StandaloneKafka kafka = StandaloneKafka.start(dataDir, 0)) {
            assertThat(clusterId(kafka)).isEqualTo(clusterId);
            assertThat(TestClients.readToEnd(kafka.bootstrapServers(), "kept", Duration.ofSeconds(30)))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("v");
        }
        assertThat(dataDir.resolve("server.properties")).exists();
    }

    @Test
    void start_portOutOfRange_failsNamingThePort() {
        assertThatThrownBy(() -> StandaloneKafka.start(dataDir, 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }

    private static String clusterId(StandaloneKafka kafka) throws Exception {
        try (Admin admin = TestClients.admin(kafka.bootstrapServers())) {
            return admin.describeCluster().clusterId().get(30, SECONDS);
        }
    }
}
