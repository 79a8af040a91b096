package dev.eventcontracts.devstack;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wrapper's own contract, on clusters built directly (not through the extension) because these tests stop
 * brokers and close clusters.
 */
@Tag("integration")
@Timeout(value = 60, unit = SECONDS)
class KafkaClusterIT {

    @Test
    void close_calledTwice_doesNothingTheSecondTime() {
        KafkaCluster kafka = KafkaCluster.builder().start();
        kafka.close();

        assertThatCode(kafka::close).doesNotThrowAnyException();
        assertThatThrownBy(() -> kafka.stopBroker(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void stopBroker_twice_failsSayingToStartItFirst() {
        try (KafkaCluster kafka = KafkaCluster.builder().start()) {
            int broker = kafka.brokerIds().get(0);
            kafka.stopBroker(broker);

            assertThatThrownBy(() -> kafka.stopBroker(broker))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("broker " + broker + " is already stopped; startBroker(" + broker + ") first");
        }
    }

    @Test
    void unknownBrokerId_andRunningBrokerStart_failWithoutTouchingTheCluster() {
        try (KafkaCluster kafka =
                KafkaCluster.builder().brokerConfig("num.partitions", "2").start()) {
            assertThat(kafka.brokerIds()).containsExactly(0);
            assertThatThrownBy(() -> kafka.stopBroker(7))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no broker with id 7; broker ids are [0]");
            assertThatThrownBy(() -> kafka.startBroker(0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("broker 0 is running; stopBroker(0) first");

            kafka.createTopic("still-works", 1, 1, Map.of());
        }
    }

    @Test
    void createTopic_withMoreReplicasThanBrokers_failsNamingTheTopic() {
        try (KafkaCluster kafka = KafkaCluster.builder().start()) {
            assertThatThrownBy(() -> kafka.createTopic("too-many-replicas", 1, 3, Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not create topic 'too-many-replicas' (1 partitions, replication 3");
        }
    }
}
