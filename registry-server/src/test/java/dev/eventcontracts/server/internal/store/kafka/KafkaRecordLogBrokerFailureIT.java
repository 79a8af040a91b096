package dev.eventcontracts.server.internal.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import dev.eventcontracts.server.internal.store.kafka.CollectingApplier.Applied;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The store on three brokers: losing the store partition's leader loses no acknowledged write. */
@KafkaIntegrationTest
@WithKafka(brokers = 3)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaRecordLogBrokerFailureIT {

    private final KafkaCluster kafka;

    KafkaRecordLogBrokerFailureIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @Test
    void leaderBrokerStops_writesContinueAndEveryAcknowledgedOneIsReplayed() throws Exception {
        Map<String, Object> props = Map.of(
                "kafkastore.bootstrap.servers",
                kafka.bootstrapServers(),
                "kafkastore.topic",
                "_schemas",
                "schema.registry.group.id",
                "failover",
                "kafkastore.timeout.ms",
                "30000");
        try (KafkaRecordLog log = new KafkaRecordLog(new KafkaStoreConfig(props), "http://a:1")) {
            log.start(new CollectingApplier());
            assertThat(replicas()).as("replication of the created topic").isEqualTo(3);
            for (int i = 1; i <= 20; i++) {
                log.append(key(i), value(i)).get(60, TimeUnit.SECONDS);
            }

            kafka.stopBroker(leader());
            for (int i = 21; i <= 40; i++) {
                log.append(key(i), value(i)).get(60, TimeUnit.SECONDS);
            }
        }

        CollectingApplier replayed = new CollectingApplier();
        try (KafkaRecordLog log = new KafkaRecordLog(new KafkaStoreConfig(props), "http://b:2")) {
            log.start(replayed);
        }
        List<RegistryKey> expected =
                IntStream.rangeClosed(1, 40).mapToObj(i -> (RegistryKey) key(i)).toList();
        assertThat(replayed.applied()).extracting(Applied::key).containsExactlyElementsOf(expected);
    }

    private int leader() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.describeTopics(List.of("_schemas"))
                    .allTopicNames()
                    .get()
                    .get("_schemas")
                    .partitions()
                    .get(0)
                    .leader()
                    .id();
        }
    }

    private int replicas() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.describeTopics(List.of("_schemas"))
                    .allTopicNames()
                    .get()
                    .get("_schemas")
                    .partitions()
                    .get(0)
                    .replicas()
                    .size();
        }
    }

    private static SchemaKey key(int i) {
        return new SchemaKey("s" + i, 1);
    }

    private static SchemaValue value(int i) {
        return new SchemaValue(
                "s" + i,
                1,
                i,
                "AVRO",
                List.of(),
                "{\"type\":\"fixed\",\"name\":\"F" + i + "\",\"size\":" + i + "}",
                false);
    }
}
