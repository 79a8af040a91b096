package dev.eventcontracts.benchmarks.readmodel;

import static dev.eventcontracts.benchmarks.Statistics.median;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.OrderProcessingService;
import dev.eventcontracts.consumer.OrderProcessingServices;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.demo.ContractRegistrar;
import dev.eventcontracts.demo.TopicSetup;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.postgres.PostgresServer;
import dev.eventcontracts.producer.ContractFeatures;
import dev.eventcontracts.producer.OrderEventProducer;
import dev.eventcontracts.producer.OrderEventProducers;
import dev.eventcontracts.producer.OrderLifecycleGenerator;
import dev.eventcontracts.producer.ProducerSettings;
import dev.eventcontracts.server.DevStackRegistryProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Events per second that one instance of the order-processing service applies to its read model, exactly once
 * (claim per event id, rules, row update, read positions and offsets committed after the database), on H2 and on
 * PostgreSQL, each beside a baseline measured in the same run on the same database: the very rows the service ended
 * with ({@code processed_events} and {@code orders}) written by plain JDBC batches of 500, one transaction each,
 * without Kafka, decoding or rules. Target: the service reaches at least 0.7 of the baseline.
 *
 * <p>Kafka is dev-stack's in-process broker, the registry dev-stack-registry's, PostgreSQL a real server from
 * Maven Central's binaries (dev-stack-postgres). The events (order lifecycles of the newest contract) are produced
 * first; the service's rate is counted from its first applied event to its last, so the group join is left out.
 * Per database, one run of each side warms the JVM up (not counted: the first service run compiles Kafka's, Avro's
 * and the driver's code and was 30-40% slower than the next). Then each side runs {@code rounds} times into a
 * fresh database, in mirrored order (service, baseline, baseline, service, …); the table gives each side's best
 * run and its median, and the ratio of each: the file system and the two shared cores make one run differ from
 * the next by up to 30%, mirroring lets drifting load weigh on both sides alike, and the median is not moved by
 * one lucky or unlucky run of either side as the best is.
 *
 * <p>Run:
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.readmodel.ReadModelThroughputHarness [events] [rounds]
 * </pre>
 * It prints one table on standard output.
 */
public final class ReadModelThroughputHarness {

    private static final int BATCH = 500;

    private ReadModelThroughputHarness() {}

    /**
     * Produces the events, then measures the service and the baseline on H2 and on PostgreSQL.
     *
     * @param args optional event count (default 100,000) and rounds (default 4)
     * @throws Exception when a part of the stack fails
     */
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("read-model-throughput");
        List<String> rows = new ArrayList<>();
        try (KafkaCluster kafka = KafkaCluster.builder().start();
                RunningRegistry registry = new DevStackRegistryProvider().start(kafka.bootstrapServers(), Map.of());
                PostgresServer postgres = PostgresServer.start()) {
            String bootstrap = kafka.bootstrapServers();
            TopicSetup.create(bootstrap, TopicContracts.load());
            try (SchemaRegistryClient client = SchemaRegistries.restClient(
                    RegistryClientConfig.builder().urls(registry.url()).build())) {
                ContractRegistrar registrar = new ContractRegistrar(client);
                ReleasedContracts.all().forEach(registrar::register);
            }
            produce(bootstrap, registry.url(), events);

            for (String kind : List.of("H2 (file)", "PostgreSQL " + postgres.version())) {
                Function<String, Target> fresh = name -> kind.startsWith("H2") ? h2(dir, name) : pg(postgres, name);
                // warm-up, not counted: the first run of each side in a JVM still compiles its code
                Target warmService = fresh.apply("warmup_service");
                double warmRate = runService(bootstrap, registry.url(), warmService, events);
                double warmPlain = runBaseline(warmService, fresh.apply("warmup_baseline"));
                System.err.printf(
                        Locale.ROOT,
                        "%s, warm-up (not counted): service %,.0f events/s, plain JDBC batches %,.0f events/s%n",
                        kind,
                        warmRate,
                        warmPlain);
                List<Double> applied = new ArrayList<>();
                List<Double> plain = new ArrayList<>();
                Target source = null;
                for (int round = 0; round < rounds; round++) {
                    // mirrored: service then baseline, then baseline then service; the first service run's rows
                    // are what every baseline run writes
                    for (boolean service : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                        Target target = fresh.apply((service ? "service" : "baseline") + round);
                        double rate;
                        if (service) {
                            rate = runService(bootstrap, registry.url(), target, events);
                            applied.add(rate);
                            source = source == null ? target : source;
                        } else {
                            rate = runBaseline(source, target);
                            plain.add(rate);
                        }
                        System.err.printf(
                                Locale.ROOT,
                                "%s, round %d, %s: %,.0f events/s%n",
                                kind,
                                round + 1,
                                service ? "service" : "plain JDBC batches",
                                rate);
                    }
                }
                rows.add(String.format(
                        Locale.ROOT,
                        "| %s | %,.0f / %,.0f events/s | %,.0f / %,.0f events/s | %.2f / %.2f |",
                        kind,
                        best(applied),
                        median(applied),
                        best(plain),
                        median(plain),
                        best(applied) / best(plain),
                        median(applied) / median(plain)));
            }
        }
        System.out.println("| database (best / median of " + rounds + " rounds) | service, exactly once | plain JDBC"
                + " batches of " + BATCH + " | ratio |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static double best(List<Double> rates) {
        return rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private record Target(String name, String url, String user, String password) {
        Connection open() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static Target h2(Path dir, String name) {
        return new Target(
                name,
                "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0",
                "sa",
                "");
    }

    private static Target pg(PostgresServer server, String name) {
        PostgresServer.Database db = server.createDatabase("throughput_" + name);
        return new Target(name, db.jdbcUrl(), db.user(), db.password());
    }

    private static void produce(String bootstrap, String registryUrl, int count) {
        int newest = ReleasedContracts.all().size();
        OrderLifecycleGenerator generator =
                new OrderLifecycleGenerator(42, Clock.systemUTC(), ContractFeatures.of(ReleasedContracts.load(newest)));
        try (OrderEventProducer producer =
                OrderEventProducers.start(ProducerSettings.of(bootstrap, registryUrl, newest))) {
            for (int i = 0; i < count; i++) {
                producer.send(generator.next());
            }
            producer.close();
            if (producer.summary().acknowledged() != count) {
                throw new IllegalStateException("not every event was acknowledged: " + producer.summary());
            }
        }
    }

    /** Runs the service from the beginning of the topic until it applied every event; returns events/s. */
    private static double runService(String bootstrap, String registryUrl, Target target, int events)
            throws InterruptedException {
        ConsumerSettings settings = ConsumerSettings.of(bootstrap, registryUrl, target.url())
                .withDatabase(target.url(), target.user(), target.password())
                .withGroupId("throughput-" + System.nanoTime())
                .withLagLogInterval(java.time.Duration.ZERO);
        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            long first = 0;
            long firstCount = 0;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(15);
            while (service.stats().handled() < events) {
                long applied = service.stats().handled();
                if (first == 0 && applied > 0) {
                    first = System.nanoTime();
                    firstCount = applied;
                }
                if (service.failure().isPresent()) {
                    throw new IllegalStateException(
                            "the service stopped", service.failure().get());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not every event handled in 15 minutes: " + service.stats());
                }
                Thread.sleep(5);
            }
            long nanos = System.nanoTime() - first;
            if (service.stats().applied() != events) {
                throw new IllegalStateException("expected every event applied once: " + service.stats());
            }
            return (service.stats().handled() - firstCount) / (nanos / 1e9);
        }
    }

    /** Writes the rows the service ended with into a fresh database of the same kind with plain JDBC batches. */
    private static double runBaseline(Target from, Target to) throws SQLException, IOException {
        try (Connection c = to.open();
                Statement ddl = c.createStatement()) {
            for (String script : List.of("V1__read_model.sql", "V2__read_positions_and_redrive.sql")) {
                for (String sql : migration(script).split(";")) {
                    if (!sql.replaceAll("(?m)^--.*$", "").isBlank()) {
                        ddl.execute(sql);
                    }
                }
            }
        }
        List<Object[]> events = read(from, "SELECT * FROM processed_events ORDER BY source_partition, source_offset");
        List<Object[]> orders = read(from, "SELECT * FROM orders");
        long start = System.nanoTime();
        try (Connection c = to.open()) {
            c.setAutoCommit(false);
            insert(c, "processed_events", events);
            insert(c, "orders", orders);
        }
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static String migration(String name) throws IOException {
        try (InputStream in =
                OrderProcessingServices.class.getClassLoader().getResourceAsStream("db/migration/common/" + name)) {
            if (in == null) {
                throw new IOException(name + " not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Object[]> read(Target target, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = target.open();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void insert(Connection c, String table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String marks = String.join(",", java.util.Collections.nCopies(rows.get(0).length, "?"));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            insert.executeBatch();
            c.commit();
        }
    }
}
