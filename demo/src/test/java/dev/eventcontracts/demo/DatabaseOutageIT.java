package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.MetricsServer;
import dev.eventcontracts.consumer.OrderProcessingService;
import dev.eventcontracts.consumer.OrderProcessingServices;
import dev.eventcontracts.consumer.OrderReadModel;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.devstack.postgres.DatabaseKind;
import dev.eventcontracts.devstack.postgres.PostgresServer;
import dev.eventcontracts.devstack.postgres.TestDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.h2.tools.Server;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The read model's database goes away (its H2 TCP server stops, or its PostgreSQL server is stopped as an outage
 * would stop it) while events keep coming: the consumer retries
 * with backoff instead of skipping anything, its lag shows on {@code /metrics}, and once the database is back
 * every event is applied exactly once and the lag returns to zero.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class DatabaseOutageIT {

    private static final Pattern LAG = Pattern.compile(
            "consumer_partition_lag\\{group=\"([^\"]+)\",partition=\"(\\d+)\"," + "topic=\"[^\"]+\"} ([0-9.]+)");

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(DatabaseKind.class)
    void databaseDown_eventsWaitAndLagGrows_thenEverythingIsAppliedOnce(
            DatabaseKind kind, @BootstrapServers String kafka, RunningRegistry registry, @TempDir Path dir)
            throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        try (StoppableDatabase database = StoppableDatabase.start(kind, dir)) {
            ConsumerSettings settings =
                    stack.consumer(database.database(), "outage").withLagLogInterval(Duration.ofSeconds(1));
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            List<SpecificRecord> events = new ArrayList<>(stack.produce(2, 500));

            try (MetricsServer metrics = MetricsServer.start(meters, 0);
                    OrderProcessingService service = OrderProcessingServices.start(settings, meters)) {
                await().atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .untilAsserted(() -> assertThat(StackFixture.appliedEventIds(settings))
                                .containsAll(StackFixture.eventIds(events)));

                database.stop();
                events.addAll(stack.produce(2, 1_000));
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(service.stats().retries()).isGreaterThanOrEqualTo(2);
                    assertThat(totalLag(metrics, settings.groupId())).isGreaterThan(0);
                });
                long appliedDuringOutage = service.stats().applied();

                database.restart();
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .untilAsserted(() -> {
                            assertThat(StackFixture.appliedEventIds(settings))
                                    .containsAll(StackFixture.eventIds(events));
                            assertThat(totalLag(metrics, settings.groupId())).isZero();
                        });
                assertThat(service.failure()).isEmpty();
                assertThat(service.stats().applied()).isGreaterThan(appliedDuringOutage);
                assertThat(StackFixture.eventCounts(settings))
                        .containsAllEntriesOf(StackFixture.eventsPerOrder(events));
                OrderReadModel.Totals totals = OrderReadModel.of(settings).totals();
                assertThat(totals.eventCountSum()).isEqualTo(totals.appliedEvents());
            }
        }
    }

    /**
     * A database of the test's own that can go away and come back: an H2 TCP server, or a PostgreSQL server
     * (not the shared one, which other tests use) stopped as an outage stops it and started again on its data.
     */
    private interface StoppableDatabase extends AutoCloseable {

        TestDatabase database();

        void stop();

        void restart() throws Exception;

        @Override
        void close();

        static StoppableDatabase start(DatabaseKind kind, Path dir) throws Exception {
            if (kind == DatabaseKind.POSTGRESQL) {
                PostgresServer server = PostgresServer.start();
                PostgresServer.Database db = server.createDatabase("outage");
                TestDatabase database =
                        new TestDatabase(kind, "outage", db.jdbcUrl(), db.user(), db.password(), server);
                return new StoppableDatabase() {
                    @Override
                    public TestDatabase database() {
                        return database;
                    }

                    @Override
                    public void stop() {
                        server.stop();
                    }

                    @Override
                    public void restart() {
                        server.restart();
                    }

                    @Override
                    public void close() {
                        server.close();
                    }
                };
            }
            Server[] h2 = {
                Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start()
            };
            int port = h2[0].getPort();
            String url = "jdbc:h2:tcp://localhost:" + port + "/"
                    + dir.toAbsolutePath().resolve("read-model") + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0";
            TestDatabase database = new TestDatabase(kind, "outage", url, "sa", "", null);
            return new StoppableDatabase() {
                @Override
                public TestDatabase database() {
                    return database;
                }

                @Override
                public void stop() {
                    h2[0].stop();
                }

                @Override
                public void restart() throws Exception {
                    h2[0] = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists")
                            .start();
                }

                @Override
                public void close() {
                    h2[0].stop();
                }
            };
        }
    }

    /** The sum of the group's partition lags as Prometheus scrapes them. */
    private static double totalLag(MetricsServer metrics, String group) throws Exception {
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + metrics.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = LAG.matcher(body);
        double total = 0;
        int partitions = 0;
        while (m.find()) {
            if (m.group(1).equals(group)) {
                total += Double.parseDouble(m.group(3));
                partitions++;
            }
        }
        assertThat(partitions).as("lag gauges of %s in %s", group, body).isPositive();
        return total;
    }
}
