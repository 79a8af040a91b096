package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.OffsetCommitter;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Timeout;

/**
 * Acceptance 2: the consumer dies after a batch is in the read model but before its offsets are committed; the
 * restarted consumer gets the batch again and the read model ends up with no duplicates and no gaps — and, on
 * PostgreSQL, without a single {@code ERROR} in the server log for the redelivered events.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class CrashBeforeCommitIT {

    /** What the committer throws instead of committing: the process "dies" at exactly this point. */
    static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash between processing and commit");
        }
    }

    @OnEachDatabase
    void crashBetweenProcessingAndCommit_restartLeavesNoDuplicatesAndNoGaps(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        ConsumerSettings settings =
                stack.consumer(db, "crash").withOverrides(java.util.Map.of("max.poll.records", "200"));
        // only this test's events: a duplicate counted below can then only be the batch whose commit never happened
        stack.startAtTheEnd(settings.groupId());
        List<SpecificRecord> events = stack.produce(2, 3_000);
        AtomicInteger commits = new AtomicInteger();
        OffsetCommitter dyingOnThirdCommit = (consumer, offsets) -> {
            if (commits.incrementAndGet() == 3) {
                throw new SimulatedCrash();
            }
            OffsetCommitter.SYNC.commit(consumer, offsets);
        };

        OrderProcessingService crashed =
                OrderProcessingServices.start(settings, new SimpleMeterRegistry(), dyingOnThirdCommit);
        await().atMost(Duration.ofSeconds(60)).until(() -> !crashed.isRunning());
        assertThat(crashed.failure()).containsInstanceOf(SimulatedCrash.class);
        long appliedBeforeCrash = crashed.stats().applied();
        Set<String> inReadModelAfterCrash = StackFixture.appliedEventIds(settings);
        assertThat(inReadModelAfterCrash).hasSizeGreaterThan((int) appliedBeforeCrash);

        try (OrderProcessingService restarted = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                            .containsAll(StackFixture.eventIds(events)));
            assertThat(restarted.stats().duplicates())
                    .as("the uncommitted batch came again and was skipped")
                    .isGreaterThan(0);
        }
        assertThat(StackFixture.eventCounts(settings)).containsAllEntriesOf(StackFixture.eventsPerOrder(events));
        OrderReadModel.Totals totals = OrderReadModel.of(settings).totals();
        assertThat(totals.eventCountSum()).isEqualTo(totals.appliedEvents());
        assertThat(db.serverErrors())
                .as("a redelivered event adds no ERROR line to the PostgreSQL server log")
                .isEmpty();
    }
}
