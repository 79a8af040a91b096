package dev.eventcontracts.devstack;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two test classes, each annotated on its own, share one broker: the first leaves a record naming the broker it
 * saw, the second finds that record in the broker it got. The enclosing class has no {@code @WithKafka}, so a
 * broker kept per class (not per JVM) would make the second class fail.
 */
@Tag("integration")
@Timeout(value = 60, unit = SECONDS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SharedClusterIT {

    private static final String MARKER_TOPIC = "shared-cluster-marker";

    static String identity(RunningKafka kafka) throws Exception {
        try (Admin admin = TestClients.admin(kafka.bootstrapServers())) {
            return kafka.bootstrapServers() + " cluster "
                    + admin.describeCluster().clusterId().get();
        }
    }

    @Nested
    @Order(1)
    @WithKafka
    class FirstClass {

        @Test
        void leavesAMarkerNamingItsBroker(RunningKafka kafka) throws Exception {
            kafka.createTopic(MARKER_TOPIC, 1, 1, Map.of());
            try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers(), Map.of())) {
                producer.send(new ProducerRecord<>(MARKER_TOPIC, "first-class", identity(kafka)))
                        .get();
            }
        }
    }

    @Nested
    @Order(2)
    @WithKafka
    class SecondClass {

        @Test
        void findsTheFirstClassMarker_inTheSameBroker(RunningKafka kafka) throws Exception {
            List<ConsumerRecord<String, String>> markers =
                    TestClients.readToEnd(kafka.bootstrapServers(), MARKER_TOPIC, Duration.ofSeconds(20));

            assertThat(markers).extracting(ConsumerRecord::key).containsExactly("first-class");
            assertThat(markers.get(0).value()).isEqualTo(identity(kafka));
        }
    }
}
