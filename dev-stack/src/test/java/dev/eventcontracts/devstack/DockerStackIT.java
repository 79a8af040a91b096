package dev.eventcontracts.devstack;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The docker stack end to end: a {@code confluentinc/cp-kafka} container through Testcontainers. Where no Docker
 * engine is reachable (as on the build machines without one) the extension reports this class as skipped, with
 * the reason; it never passes without a container.
 */
@KafkaIntegrationTest
@WithKafka(stack = WithKafka.Stack.DOCKER)
@Timeout(value = 180, unit = SECONDS)
class DockerStackIT {

    @Test
    void recordsRoundTripThroughTheContainer(RunningKafka kafka, @BootstrapServers String bootstrap) throws Exception {
        assertThat(kafka).isNotInstanceOf(KafkaCluster.class);
        kafka.createTopic("docker-stack", 2, 1, Map.of());
        try (KafkaProducer<String, String> producer = TestClients.producer(bootstrap, Map.of())) {
            producer.send(new ProducerRecord<>("docker-stack", "key", "value")).get();
        }

        assertThat(TestClients.readToEnd(bootstrap, "docker-stack", Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("key", "value"));
    }
}
