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
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatusChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Acceptance 4: an event dead-lettered because its cause lay elsewhere — an {@code OrderStatusChanged} that arrived
 * before its order's {@code OrderCreated} — is re-driven once the order exists, and applied exactly once: running
 * the re-drive again re-drives nothing (its progress is committed), and re-driving it once more on purpose
 * ({@code --restart}) finds it a duplicate.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class DeadLetterRedriveIT {

    private static final Pattern COORDINATES =
            Pattern.compile(Pattern.quote(StackFixture.TOPIC.deadLetterTopic()) + "-(\\d+@\\d+)");

    @OnEachDatabase
    void eventForAnOrderCreatedLater_isRedrivenAndAppliedExactlyOnce(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        ConsumerSettings settings = stack.consumer(db, "redrive");
        String orderId = "late-" + UUID.randomUUID();
        OrderStatusChanged early = OrderEvents.paid(orderId);
        stack.send(early);

        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            awaitOutcome(settings, early.getEventId(), "DEAD_LETTERED");
            OrderCreated created = OrderEvents.created(orderId);
            stack.send(created);
            awaitOutcome(settings, created.getEventId(), "APPLIED");

            ServiceCommand.Run list = dlq("list", settings);
            assertThat(list.out()).containsPattern(settings.groupId() + "\\s+INVALID_EVENT\\s+\\d+\\s");
            ServiceCommand.Run redrive =
                    dlq("redrive", settings, "--group", settings.groupId(), "--event-id", early.getEventId());

            assertThat(redrive.exitCode()).as(redrive.err()).isZero();
            assertThat(redrive.out()).contains("selected 1, re-drove 1");
            // the real output, quoted in consumer-app/README.md
            System.out.println("$ dlq list\n" + list.out() + "$ dlq redrive\n" + redrive.out());
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(OrderReadModel.of(settings).order(orderId))
                            .get()
                            .satisfies(order -> {
                                assertThat(order.status()).isEqualTo("PAID");
                                assertThat(order.eventCount()).isEqualTo(2);
                            }));
            assertThat(StackFixture.appliedEventIds(settings)).contains(early.getEventId());

            ServiceCommand.Run again =
                    dlq("redrive", settings, "--group", settings.groupId(), "--event-id", early.getEventId());
            assertThat(again.out()).as("progress committed").contains("selected 0, re-drove 0");

            long duplicatesBefore = service.stats().duplicates();
            ServiceCommand.Run restart = dlq(
                    "redrive", settings, "--group", settings.groupId(), "--event-id", early.getEventId(), "--restart");
            assertThat(restart.out()).contains("selected 1, re-drove 1");
            await().atMost(Duration.ofSeconds(60)).until(() -> service.stats().duplicates() > duplicatesBefore);
        }
        OrderReadModel.OrderView order =
                OrderReadModel.of(settings).order(orderId).orElseThrow();
        assertThat(order.eventCount()).as("applied exactly once").isEqualTo(2);
        assertThat(OrderReadModel.of(settings).eventOutcome(early.getEventId())).hasValue("APPLIED");
    }

    /** Waits until the read model recorded the event with this outcome (the shared topic holds other tests' too). */
    static void awaitOutcome(ConsumerSettings settings, String eventId, String outcome) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> OrderReadModel.of(settings).eventOutcome(eventId).orElse(""), outcome::equals);
    }

    @OnEachDatabase(dev.eventcontracts.devstack.postgres.DatabaseKind.H2)
    void listAndShow_describeTheDeadLetters_andDryRunRedrivesNothing(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        ConsumerSettings settings = stack.consumer(db, "dlqshow");
        OrderStatusChanged orphan = OrderEvents.paid("orphan-" + UUID.randomUUID());
        stack.send(orphan);
        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            awaitOutcome(settings, orphan.getEventId(), "DEAD_LETTERED");
        }

        ServiceCommand.Run dryRun =
                dlq("redrive", settings, "--group", settings.groupId(), "--event-id", orphan.getEventId(), "--dry-run");
        Matcher where = COORDINATES.matcher(dryRun.out());
        assertThat(where.find()).as(dryRun.out()).isTrue();
        ServiceCommand.Run show = dlq("show", settings, where.group(1));
        System.out.println("$ dlq redrive --dry-run\n" + dryRun.out() + "$ dlq show\n" + show.out());

        assertThat(dryRun.out()).contains("would re-drive 1").doesNotContain("progress committed");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out())
                .contains("reason:    INVALID_EVENT (group " + settings.groupId() + ")")
                .contains("dlq.error.message")
                .contains("for unknown order '" + orphan.getOrderId() + "'")
                .contains("value:     dev.eventcontracts.orders.OrderStatusChanged")
                .contains("\"eventId\" : \"" + orphan.getEventId() + "\"")
                .contains("\"changedAt\" : \"2026-12-01T10:05:00Z\"");
        assertThat(dlq("redrive", settings, "--group", settings.groupId(), "--event-id", orphan.getEventId())
                        .out())
                .as("the dry run committed no progress")
                .contains("selected 1, re-drove 1");
    }

    private static ServiceCommand.Run dlq(String subcommand, ConsumerSettings settings, String... args) {
        List<String> all = new ArrayList<>(List.of("dlq", subcommand));
        all.addAll(ServiceCommand.connection(settings));
        all.addAll(List.of(args));
        return ServiceCommand.run(all.toArray(String[]::new));
    }
}
