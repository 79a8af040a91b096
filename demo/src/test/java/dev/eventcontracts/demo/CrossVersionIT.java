package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.OrderProcessingService;
import dev.eventcontracts.consumer.OrderProcessingServices;
import dev.eventcontracts.consumer.OrderReadModel;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4: a producer on contract v1 and a consumer on v2 work together, and so do a producer on v2 and a
 * consumer still on v1 — through the real registry, with the v1 producer writing the v1 union's id.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class CrossVersionIT {

    @Test
    void v1Producer_v2Consumer_readsEveryEventWithoutShippingAddresses(
            @BootstrapServers String kafka, RunningRegistry registry, @TempDir Path dir) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        List<SpecificRecord> events = stack.produce(1, 1_000);
        ConsumerSettings v2 = stack.consumer(dir, "v2-reads-v1");

        consumeAll(v2, events);

        assertThat(StackFixture.eventCounts(v2)).containsAllEntriesOf(StackFixture.eventsPerOrder(events));
        OrderReadModel readModel = OrderReadModel.of(v2);
        for (SpecificRecord event : events) {
            if (event instanceof OrderCreated created) {
                assertThat(readModel.order(created.getOrderId()).orElseThrow().shipToCountry())
                        .isNull();
            }
        }
        assertThat(valueSchemaIds(kafka, StackFixture.eventIds(events).size(), events))
                .containsExactly(registeredId(registry.url(), 1));
    }

    @Test
    void v2Producer_v1Consumer_readsEveryEventAndReturnedAsUnknown(
            @BootstrapServers String kafka, RunningRegistry registry, @TempDir Path dir) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        List<SpecificRecord> events = stack.produce(2, 3_000);
        ConsumerSettings v1 = stack.consumer(dir, "v1-reads-v2").withContractVersion(1);

        consumeAll(v1, events);

        assertThat(StackFixture.eventCounts(v1)).containsAllEntriesOf(StackFixture.eventsPerOrder(events));
        Set<String> returned = events.stream()
                .filter(e -> e instanceof OrderStatusChanged c && c.getStatus() == OrderStatus.RETURNED)
                .map(StackFixture::orderId)
                .collect(Collectors.toSet());
        assertThat(returned)
                .as("the generator returns some orders in 3,000 events")
                .isNotEmpty();
        Map<String, String> status = OrderReadModel.of(v1).statusByOrder();
        returned.forEach(orderId -> assertThat(status.get(orderId)).as(orderId).isEqualTo("UNKNOWN"));
        assertThat(valueSchemaIds(kafka, events.size(), events)).containsExactly(registeredId(registry.url(), 2));
    }

    private static void consumeAll(ConsumerSettings settings, List<SpecificRecord> events) {
        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                            .containsAll(StackFixture.eventIds(events)));
        }
    }

    /** The id of the value subject's version holding the given release's union. */
    private static int registeredId(String registryUrl, int version) {
        try (SchemaRegistryClient client = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(registryUrl).build())) {
            return client.version(StackFixture.TOPIC.value().subject(), version).id();
        }
    }

    /** The schema ids in the wire-format headers of the records carrying the given events. */
    private static Set<Integer> valueSchemaIds(String kafka, int expected, List<SpecificRecord> events) {
        Set<String> ids = StackFixture.eventIds(events);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions =
                    consumer.partitionsFor(StackFixture.TOPIC.name()).stream()
                            .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<Integer> schemaIds = new java.util.HashSet<>();
            int seen = 0;
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    var ceId = r.headers().lastHeader("ce_id");
                    if (ceId != null
                            && ids.contains(new String(ceId.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        schemaIds.add(ByteBuffer.wrap(r.value(), 1, 4).getInt());
                        seen++;
                    }
                }
            }
            assertThat(seen).isEqualTo(expected);
            return schemaIds;
        }
    }
}
