package dev.eventcontracts.devstack;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@KafkaIntegrationTest
@Timeout(value = 60, unit = SECONDS)
class SingleBrokerIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private RunningKafka injectedKafka;

    @BootstrapServers
    private String injectedBootstrap;

    @Test
    void records_areConsumedWithTheirKeysAndValues_inProduceOrder(RunningKafka kafka) throws Exception {
        kafka.createTopic("single-broker-order", 1, 1, Map.of());
        List<String> values =
                IntStream.range(0, 200).mapToObj(i -> "value-" + i).collect(Collectors.toList());
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers(), Map.of())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>("single-broker-order", "key-" + i, values.get(i)));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, String>> records =
                TestClients.readToEnd(kafka.bootstrapServers(), "single-broker-order", READ_TIMEOUT);

        assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(values);
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .containsExactlyElementsOf(
                        IntStream.range(0, 200).mapToObj(i -> "key-" + i).collect(Collectors.toList()));
        assertThat(records).extracting(ConsumerRecord::offset).isSorted();
    }

    @Test
    void recordsWithTheSameKey_stayInOnePartition_inProduceOrder(RunningKafka kafka) {
        kafka.createTopic("single-broker-keys", 3, 1, Map.of());
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers(), Map.of())) {
            for (int i = 0; i < 300; i++) {
                producer.send(new ProducerRecord<>("single-broker-keys", "customer-" + (i % 5), Integer.toString(i)));
            }
            producer.flush();
        }

        Map<String, List<ConsumerRecord<String, String>>> byKey =
                TestClients.readToEnd(kafka.bootstrapServers(), "single-broker-keys", READ_TIMEOUT).stream()
                        .collect(Collectors.groupingBy(ConsumerRecord::key));

        assertThat(byKey).hasSize(5);
        byKey.forEach((key, records) -> {
            assertThat(records).as("records of %s", key).hasSize(60);
            assertThat(records)
                    .extracting(ConsumerRecord::partition)
                    .as("partitions of %s", key)
                    .containsOnly(records.get(0).partition());
            assertThat(records)
                    .extracting(r -> Integer.parseInt(r.value()))
                    .as("values of %s", key)
                    .isSorted();
        });
    }

    @Test
    void createTopic_returnsOnlyWhenEveryPartitionHasALeader(RunningKafka kafka) throws Exception {
        kafka.createTopic("single-broker-leaders", 8, 1, Map.of("cleanup.policy", "compact"));

        try (Admin admin = TestClients.admin(kafka.bootstrapServers())) {
            TopicDescription topic = admin.describeTopics(Set.of("single-broker-leaders"))
                    .allTopicNames()
                    .get()
                    .get("single-broker-leaders");
            assertThat(topic.partitions()).hasSize(8);
            assertThat(topic.partitions())
                    .extracting(TopicPartitionInfo::leader)
                    .doesNotContainNull();
        }
    }

    @Test
    void fields_receiveTheSameKafkaAsParameters(RunningKafka kafka, @BootstrapServers String bootstrap) {
        assertThat(injectedKafka).isSameAs(kafka);
        assertThat(injectedBootstrap).isEqualTo(bootstrap).isEqualTo(kafka.bootstrapServers());
    }
}
