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
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderStatusChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Acceptance 1: 10,000 events through the real broker and registry, each in the read model exactly once. */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(240)
class EndToEndIT {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndIT.class);

    @OnEachDatabase
    void tenThousandEvents_eachLandsInTheReadModelExactlyOnce(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        long produceStart = System.nanoTime();
        List<SpecificRecord> events = stack.produce(2, 10_000);
        long produceMillis = (System.nanoTime() - produceStart) / 1_000_000;
        ConsumerSettings settings = stack.consumer(db, "e2e");

        long consumeStart = System.nanoTime();
        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                            .containsAll(StackFixture.eventIds(events)));
        }
        LOG.info(
                "10,000 events: produced in {} ms, consumed in {} ms",
                produceMillis,
                (System.nanoTime() - consumeStart) / 1_000_000);

        Map<String, Integer> produced = StackFixture.eventsPerOrder(events);
        Map<String, Integer> applied = StackFixture.eventCounts(settings);
        assertThat(applied).containsAllEntriesOf(produced);
        OrderReadModel.Totals totals = OrderReadModel.of(settings).totals();
        assertThat(totals.eventCountSum()).isEqualTo(totals.appliedEvents());
        assertThat(OrderReadModel.of(settings).statusByOrder()).containsAllEntriesOf(lastStatusPerOrder(events));
    }

    private static Map<String, String> lastStatusPerOrder(List<SpecificRecord> events) {
        Map<String, String> status = new HashMap<>();
        for (SpecificRecord event : events) {
            String orderId = StackFixture.orderId(event);
            if (event instanceof OrderStatusChanged changed) {
                status.put(orderId, changed.getStatus().name());
            } else if (event instanceof OrderCancelled) {
                status.put(orderId, "CANCELLED");
            } else {
                status.put(orderId, "CREATED");
            }
        }
        return status;
    }
}
