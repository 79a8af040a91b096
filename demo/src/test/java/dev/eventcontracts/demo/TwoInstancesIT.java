package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.OrderProcessingService;
import dev.eventcontracts.consumer.OrderProcessingServices;
import dev.eventcontracts.consumer.OrderReadModel;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.devstack.postgres.OnEachDatabase;
import dev.eventcontracts.devstack.postgres.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Timeout;

/**
 * Acceptance 5: two instances of the order-processing service in one group split the partitions; when one
 * stops, the other takes its partitions over and nothing is lost or applied twice.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class TwoInstancesIT {

    @OnEachDatabase
    void twoInstances_splitThePartitions_andTheSurvivorTakesOverWithoutLoss(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        List<SpecificRecord> events = new ArrayList<>(stack.produce(2, 2_000));
        ConsumerSettings settings = stack.consumer(db, "pair");
        int partitions = StackFixture.TOPIC.partitions();

        OrderProcessingService first = OrderProcessingServices.start(settings, new SimpleMeterRegistry());
        try (OrderProcessingService second = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(first.assignment()).isNotEmpty();
                assertThat(second.assignment()).isNotEmpty();
                Set<TopicPartition> union = new HashSet<>(first.assignment());
                union.addAll(second.assignment());
                assertThat(union).hasSize(partitions);
                assertThat(first.assignment()).doesNotContainAnyElementsOf(second.assignment());
            });
            events.addAll(stack.produce(2, 2_000));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(first.stats().applied()).isPositive();
                assertThat(second.stats().applied()).isPositive();
            });

            first.close();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(second.assignment()).hasSize(partitions));
            events.addAll(stack.produce(2, 2_000));

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                            .containsAll(StackFixture.eventIds(events)));
        }
        assertThat(StackFixture.eventCounts(settings)).containsAllEntriesOf(StackFixture.eventsPerOrder(events));
        OrderReadModel.Totals totals = OrderReadModel.of(settings).totals();
        assertThat(totals.eventCountSum()).isEqualTo(totals.appliedEvents());
    }
}
