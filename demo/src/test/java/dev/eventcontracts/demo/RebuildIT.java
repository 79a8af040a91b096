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
import dev.eventcontracts.devstack.postgres.DatabaseKind;
import dev.eventcontracts.devstack.postgres.OnEachDatabase;
import dev.eventcontracts.devstack.postgres.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Timeout;

/**
 * {@code rebuild} replays 100,000 events into fresh tables of a real PostgreSQL while the live service keeps
 * running, and the rebuilt model equals the live one: every order's status and event count.
 */
@KafkaIntegrationTest
// A private cluster (more than one broker): its 100,000 events would otherwise stay on the JVM's shared topic,
// and every later test class's consumer group, reading from the earliest offset, would replay them all.
@WithKafka(brokers = 3, registry = true)
@Timeout(600)
class RebuildIT {

    private static final int EVENTS = 100_000;
    private static final Pattern RATE =
            Pattern.compile("Replayed ([\\d,]+) records in ([\\d.]+) s \\(([\\d,]+) events/s\\)");

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void rebuildOfOneHundredThousandEvents_whileTheServiceRuns_equalsTheLiveModel(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        List<SpecificRecord> events = stack.produce(2, EVENTS);
        ConsumerSettings settings = stack.consumer(db, "rebuild");
        OrderReadModel live = OrderReadModel.of(settings);

        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            // cheap first (a count), then the exact check: the topic holds other tests' events too
            await().atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> service.stats().applied() >= EVENTS);
            Map<org.apache.kafka.common.TopicPartition, Long> end = stack.endOffsets();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(live.positions()).isEqualTo(end));
            List<String> args = new ArrayList<>(List.of("rebuild"));
            args.addAll(ServiceCommand.connection(settings));
            args.addAll(ServiceCommand.database(settings));
            args.addAll(List.of("--target-schema", "rebuilt"));

            ServiceCommand.Run rebuild = ServiceCommand.run(args.toArray(String[]::new));

            assertThat(rebuild.exitCode()).as(rebuild.out() + rebuild.err()).isZero();
            assertThat(rebuild.out()).contains("Equal. The rebuilt model is in");
            Matcher rate = RATE.matcher(rebuild.out());
            assertThat(rate.find()).as(rebuild.out()).isTrue();
            assertThat(Long.parseLong(rate.group(1).replace(",", ""))).isGreaterThanOrEqualTo(EVENTS);
            System.out.println("$ rebuild\n" + rebuild.out()); // quoted in consumer-app/README.md
        }

        OrderReadModel rebuilt = live.inSchema("rebuilt");
        assertThat(rebuilt.statusByOrder()).isEqualTo(live.statusByOrder());
        assertThat(rebuilt.eventCountsByOrder()).isEqualTo(live.eventCountsByOrder());
        assertThat(rebuilt.eventCountsByOrder())
                .as("every order of this test with all its events")
                .containsAllEntriesOf(StackFixture.eventsPerOrder(events));
        assertThat(rebuilt.totals()).isEqualTo(live.totals());
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void rebuildWithSwitch_whileTheServiceRuns_makesTheRebuiltTablesLive_andTheServiceGoesOnWritingThere(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        List<SpecificRecord> before = stack.produce(2, 2_000);
        ConsumerSettings settings = stack.consumer(db, "switch");
        OrderReadModel live = OrderReadModel.of(settings);

        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            Map<org.apache.kafka.common.TopicPartition, Long> end = stack.endOffsets();
            await().atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(live.positions()).isEqualTo(end));
            Map<String, String> statusBefore = live.statusByOrder();
            List<String> args = new ArrayList<>(List.of("rebuild"));
            args.addAll(ServiceCommand.connection(settings));
            args.addAll(ServiceCommand.database(settings));
            args.addAll(List.of("--target-schema", "rebuilt", "--switch"));

            ServiceCommand.Run rebuild = ServiceCommand.run(args.toArray(String[]::new));

            assertThat(rebuild.exitCode()).as(rebuild.out() + rebuild.err()).isZero();
            Matcher switched = Pattern.compile("Switched: the rebuilt tables are live now; the old ones are in schema"
                            + " '(retired_\\d{8}_\\d{6})'")
                    .matcher(rebuild.out());
            assertThat(switched.find()).as(rebuild.out()).isTrue();
            OrderReadModel retired = live.inSchema(switched.group(1));
            assertThat(retired.statusByOrder())
                    .as("the old tables, moved aside")
                    .isEqualTo(statusBefore);
            assertThat(live.statusByOrder()).as("the rebuilt tables, now live").isEqualTo(statusBefore);

            List<SpecificRecord> after = stack.produce(2, 200);

            // the running service's statements name the tables, so they now write into the rebuilt ones
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(live.appliedEventIds()).containsAll(StackFixture.eventIds(after)));
            assertThat(retired.appliedEventIds())
                    .as("nothing more went into the old tables")
                    .doesNotContainAnyElementsOf(StackFixture.eventIds(after));
            assertThat(live.appliedEventIds()).containsAll(StackFixture.eventIds(before));
        }
    }
}
