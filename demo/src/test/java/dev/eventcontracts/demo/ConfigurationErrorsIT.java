package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.ServiceConfigurationException;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.devstack.postgres.DatabaseKind;
import dev.eventcontracts.devstack.postgres.OnEachDatabase;
import dev.eventcontracts.devstack.postgres.TestDatabase;
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
 * A misconfigured service stops at once, without retrying, before it joins its consumer group, with exit code 78 and
 * a message that names the fix; and no password, whether given in the JDBC URL or as an option, reaches a log line. The read model
 * is a real PostgreSQL with passwords enforced.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class ConfigurationErrorsIT {

    private static final long START_TIMEOUT_MS = 60_000;

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void jdbcUrlNoDriverAccepts_exitsAtOnceNamingTheUrlPrefix(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        ConsumerSettings settings = new StackFixture(kafka, registry.url()).consumer(db, "nodriver");
        String typo = db.jdbcUrl().replace("jdbc:postgresql:", "jdbc:postgres:");

        ServiceCommand.Run run = start(settings, "--jdbc-url", typo, "--jdbc-user", db.user());

        assertRefusedBeforeJoining(run, kafka, settings);
        assertThat(run.err())
                .contains("jdbc:postgres://localhost:" + db.server().port() + "/" + db.name()
                        + " is not one the service" + " supports")
                .contains(
                        "Fix: use H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://host:5432/database) in --jdbc-url");
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void wrongPassword_exitsAtOnceNamingTheOptionsToFix_withoutShowingThePassword(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        ConsumerSettings settings = new StackFixture(kafka, registry.url()).consumer(db, "badpass");
        String wrong = "Wr0ng-" + db.password();

        ServiceCommand.Run run =
                start(settings, "--jdbc-url", db.jdbcUrl(), "--jdbc-user", db.user(), "--jdbc-password=" + wrong);

        assertRefusedBeforeJoining(run, kafka, settings);
        assertThat(run.err())
                .contains("password authentication failed for user \"" + db.user() + "\"")
                .contains("Fix: give the right user and password with --jdbc-user/--jdbc-password")
                .doesNotContain(wrong);
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void userWithoutCreateOnSchemaPublic_exitsAtOnceNamingThePrivileges(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        ConsumerSettings settings = new StackFixture(kafka, registry.url()).consumer(db, "nocreate");
        String reader = db.name() + "_reader";
        db.server().execute("CREATE ROLE " + reader + " LOGIN PASSWORD 'reader-pw'");

        ServiceCommand.Run run =
                start(settings, "--jdbc-url", db.jdbcUrl(), "--jdbc-user", reader, "--jdbc-password=reader-pw");

        assertRefusedBeforeJoining(run, kafka, settings);
        assertThat(run.err())
                .contains("permission denied for schema public")
                .contains("Fix: the user needs CONNECT on the database and CREATE and USAGE on its schema");
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void noPassword_exitsAtOnceNamingWhereAPasswordComesFrom(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        ConsumerSettings settings = new StackFixture(kafka, registry.url()).consumer(db, "nopass");

        ServiceCommand.Run run = start(settings, "--jdbc-url", db.jdbcUrl(), "--jdbc-user", db.user());

        assertRefusedBeforeJoining(run, kafka, settings);
        assertThat(run.err())
                .contains("SQLSTATE 08004")
                .contains("Fix: give the right user and password with --jdbc-user/--jdbc-password")
                .contains("~/.pgpass");
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void unknownDatabase_exitsAtOnceNamingIt(@BootstrapServers String kafka, RunningRegistry registry, TestDatabase db)
            throws Exception {
        ConsumerSettings settings = new StackFixture(kafka, registry.url()).consumer(db, "nodb");
        String missing = db.jdbcUrl().replaceAll("/[^/]+$", "/" + db.name() + "_missing");

        ServiceCommand.Run run =
                start(settings, "--jdbc-url", missing, "--jdbc-user", db.user(), "--jdbc-password=" + db.password());

        assertRefusedBeforeJoining(run, kafka, settings);
        assertThat(run.err())
                .contains("database \"" + db.name() + "_missing\" does not exist")
                .contains("Fix: create the database");
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void passwordInTheUrlOrAsAnOption_neverReachesALogLine(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db, @TempDir Path dir)
            throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        ConsumerSettings settings = stack.consumer(db, "secrets");
        stack.startAtTheEnd(settings.groupId());
        List<SpecificRecord> events = stack.produce(1, 50);
        String urlWithPassword = db.jdbcUrl() + "?user=" + db.user() + "&password=" + db.password();
        Path runningLog = dir.resolve("running.log");

        Process running = ServiceCommand.start(service(settings, "--jdbc-url", urlWithPassword), Map.of(), runningLog);
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                            .containsAll(StackFixture.eventIds(events)));
        } finally {
            running.destroy();
            assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        String wrong = "Wr0ng-" + db.password();
        Path refusedLog = dir.resolve("refused.log");
        long start = System.nanoTime();
        Process refused = ServiceCommand.start(
                service(
                        settings,
                        "--jdbc-url",
                        db.jdbcUrl(),
                        "--jdbc-user",
                        db.user(),
                        "--jdbc-password=" + wrong,
                        "-X",
                        "ssl.key.password=" + wrong),
                Map.of(),
                refusedLog);
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;

        String logged = Files.readString(runningLog);
        String refusal = Files.readString(refusedLog);
        assertThat(logged)
                .as("the running service logs its read model")
                .contains("Order processing")
                .contains("read model jdbc:postgresql://")
                .contains("Stopped: ProcessingStats[applied=")
                .doesNotContain(db.password());
        assertThat(refusal).contains("password authentication failed").doesNotContain(wrong);
        assertThat(refused.exitValue()).isEqualTo(ServiceConfigurationException.EXIT_CODE);
        // JVM start dominates this on a loaded machine (7 s wall at load 27 on 2 cores), so it is reported, not
        // asserted
        System.out.printf("refused: process start to exit %d ms (JVM start included)%n", millis);
    }

    private static ServiceCommand.Run start(ConsumerSettings settings, String... database) {
        return ServiceCommand.run(service(settings, database).toArray(String[]::new));
    }

    private static List<String> service(ConsumerSettings settings, String... database) {
        List<String> args = new ArrayList<>(ServiceCommand.connection(settings));
        args.addAll(List.of(
                "--group-id",
                settings.groupId(),
                "--metrics-port",
                "-1",
                "--lag-log-seconds",
                "0",
                "--startup-timeout-seconds",
                Long.toString(START_TIMEOUT_MS / 1000)));
        args.addAll(List.of(database));
        return args;
    }

    private static void assertRefusedBeforeJoining(ServiceCommand.Run run, String kafka, ConsumerSettings settings)
            throws Exception {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ServiceConfigurationException.EXIT_CODE);
        // an outage would be retried for the whole start timeout; a configuration error is not retried at all. The
        // time is reported, not asserted against 10 s: on an idle machine it is well under 1 s, on this shared one
        // at load 37 it reached 11.6 s (Flyway's start)
        assertThat(run.millis())
                .as("refused without waiting for the start timeout")
                .isLessThan(START_TIMEOUT_MS);
        assertThat(run.err()).doesNotContain("retrying");
        System.out.printf("refused in %d ms: %s", run.millis(), run.err());
        assertThat(run.err()).startsWith("order-processing-service: ").doesNotContain("Exception");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                            settings.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            assertThat(offsets).as("the group was never joined").isEmpty();
            assertThat(admin.listConsumerGroups().all().get())
                    .noneMatch(g -> g.groupId().equals(settings.groupId()));
        }
    }
}
