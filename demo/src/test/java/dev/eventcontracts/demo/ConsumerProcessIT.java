package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.consumer.ConsumerCommand;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order-processing service as a real process ({@link ConsumerCommand} in its own JVM; read model in an H2 file
 * and in PostgreSQL, the password from the environment): SIGTERM stops it gracefully with everything committed;
 * SIGKILL in the middle of processing loses nothing and duplicates nothing once it is restarted.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(240)
class ConsumerProcessIT {

    @OnEachDatabase
    void sigterm_finishesCommitsAndExits_soARestartHasNothingToRedo(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db, @TempDir Path dir)
            throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        List<SpecificRecord> events = stack.produce(2, 2_000);
        ConsumerSettings settings = stack.consumer(db, "sigterm");
        long end = endOffsets(kafka);
        Process process = startConsumerProcess(settings, dir.resolve("sigterm.log"));
        // the process holds the H2 file, so watch its progress in its committed offsets: the whole topic
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(committed(kafka, settings.groupId())).isEqualTo(end));

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("exited after SIGTERM")
                .isTrue();
        assertThat(process.exitValue())
                .as("128 + SIGTERM: the JVM ran its shutdown hooks")
                .isEqualTo(143);
        assertThat(Files.readString(dir.resolve("sigterm.log"))).contains("Stopped: ProcessingStats[applied=");
        assertThat(StackFixture.appliedEventIds(settings)).containsAll(StackFixture.eventIds(events));
        try (OrderProcessingService restarted = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            List<SpecificRecord> more = stack.produce(2, 100);
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                            .containsAll(StackFixture.eventIds(more)));
            assertThat(restarted.stats().duplicates())
                    .as("everything before SIGTERM was committed")
                    .isZero();
        }
    }

    @OnEachDatabase
    void sigkillDuringProcessing_restartLosesNothingAndAppliesNothingTwice(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db, @TempDir Path dir)
            throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        List<SpecificRecord> events = new ArrayList<>(stack.produce(2, 3_000));
        // the killed member does not leave the group: the broker notices after its session timeout
        ConsumerSettings settings = stack.consumer(db, "sigkill")
                .withOverrides(Map.of("max.poll.records", "100", "session.timeout.ms", "6000"));
        Process process = startConsumerProcess(settings, dir.resolve("sigkill.log"));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> committed(kafka, settings.groupId()) > 0);

        process.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no leaving the group
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long committedAtKill = committed(kafka, settings.groupId());

        events.addAll(stack.produce(2, 500));
        try (OrderProcessingService restarted = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                            .containsAll(StackFixture.eventIds(events)));
        }
        assertThat(committedAtKill).isLessThan(events.size());
        assertThat(db.serverErrors())
                .as("redelivered events leave no error in the server log")
                .isEmpty();
        assertThat(StackFixture.eventCounts(settings)).containsAllEntriesOf(StackFixture.eventsPerOrder(events));
        OrderReadModel.Totals totals = OrderReadModel.of(settings).totals();
        assertThat(totals.eventCountSum()).isEqualTo(totals.appliedEvents());
    }

    @OnEachDatabase(dev.eventcontracts.devstack.postgres.DatabaseKind.H2)
    void sigkillOfAStaticMember_itsRestartGetsThePartitionsBackBeforeTheSessionTimeout(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db, @TempDir Path dir)
            throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        // Kafka's default session timeout: without static membership the restart would wait for it to expire
        ConsumerSettings settings = stack.consumer(db, "takeover")
                .withOverrides(Map.of(
                        "max.poll.records", "100",
                        "session.timeout.ms", "45000",
                        "group.instance.id", "orders-0"));
        long start = stack.startAtTheEnd(settings.groupId());
        List<SpecificRecord> events = new ArrayList<>(stack.produce(2, 2_000));
        Process process = startConsumerProcess(settings, dir.resolve("takeover.log"));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> committed(kafka, settings.groupId()) > start);

        process.destroyForcibly(); // SIGKILL: the member stays in the group until its session times out
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        events.addAll(stack.produce(2, 200));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long restart = System.nanoTime();
        try (OrderProcessingService restarted = OrderProcessingServices.start(settings, meters)) {
            await().atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> meters.get(OrderProcessingService.ASSIGNED_PARTITIONS)
                                    .gauge()
                                    .value()
                            > 0);
            long takeoverMillis = (System.nanoTime() - restart) / 1_000_000;
            System.out.printf("takeover after kill -9 (static member restarted): %d ms%n", takeoverMillis);
            assertThat(takeoverMillis)
                    .as("partitions back before the 45 s session timeout, so through static membership")
                    .isLessThan(40_000);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                            .containsAll(StackFixture.eventIds(events)));
        }
        assertThat(StackFixture.eventCounts(settings)).containsAllEntriesOf(StackFixture.eventsPerOrder(events));
    }

    private static Process startConsumerProcess(ConsumerSettings settings, Path log) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                ConsumerCommand.class.getName(),
                "--bootstrap-servers",
                settings.bootstrapServers(),
                "--schema-registry-url",
                settings.schemaRegistryUrl(),
                "--group-id",
                settings.groupId(),
                "--jdbc-url",
                settings.jdbcUrl(),
                "--jdbc-user",
                settings.jdbcUser(),
                "--metrics-port",
                "-1",
                "--lag-log-seconds",
                "0"));
        settings.overrides().forEach((k, v) -> command.addAll(List.of("-X", k + "=" + v)));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the password from the environment, as a deployment would give it
        builder.environment().put("READ_MODEL_JDBC_PASSWORD", settings.jdbcPassword());
        return builder.start();
    }

    /** The order topic's end offsets, summed over its partitions. */
    private static long endOffsets(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new java.util.HashMap<>();
            for (int p = 0; p < StackFixture.TOPIC.partitions(); p++) {
                latest.put(
                        new org.apache.kafka.common.TopicPartition(StackFixture.TOPIC.name(), p),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo::offset)
                    .sum();
        }
    }

    /** The group's committed offsets summed over the order topic's partitions. */
    private static long committed(String kafka, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                            group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return offsets.values().stream()
                    .filter(o -> o != null)
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }
}
