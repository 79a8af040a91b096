package dev.eventcontracts.consumer.internal.rebuild;

import dev.eventcontracts.consumer.ServiceConfigurationException;
import dev.eventcontracts.consumer.internal.Dialect;
import dev.eventcontracts.consumer.internal.EventDecoder;
import dev.eventcontracts.consumer.internal.Migrations;
import dev.eventcontracts.consumer.internal.PoisonEventException;
import dev.eventcontracts.consumer.internal.ReadModelDatabase;
import dev.eventcontracts.consumer.internal.ReadModelTables;
import dev.eventcontracts.consumer.internal.ReadModelWriter;
import dev.eventcontracts.consumer.internal.SqlFailures;
import dev.eventcontracts.consumer.internal.TransientFailureException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the read model by replaying the order topic from its beginning into fresh tables — another schema of
 * the same database, or another database — while the live service keeps running; verifies the result against
 * the live model at the same offsets; and, on PostgreSQL, can switch the two atomically.
 *
 * <p>The replay applies every event through the service's own {@link ReadModelWriter}, so the rules, the
 * idempotency and the handling of re-driven events are the service's; dead letters are counted, not published
 * again (the live service published them when it met them).
 *
 * <p>Verification "at the same offsets": both models store, in the transaction of each batch, the offset below
 * which they hold every record ({@code read_positions}). The rebuild locks the live model's tables against writes
 * (PostgreSQL: {@code LOCK TABLE … IN EXCLUSIVE MODE}, readers unaffected; H2: the rows of {@code read_positions},
 * {@code FOR UPDATE}), reads the live positions, replays exactly up to them, and compares the two models: orders
 * per status, number of orders, events applied and dead-lettered, and the sum of the event counts. The live
 * service waits (or, on H2, retries) for the moment of the comparison: about as long as it takes to replay the
 * records that arrived since the bulk replay. If the live model is behind the rebuild, it waits for it.
 *
 * <p>The switch (PostgreSQL, same database) happens in that same locked transaction: the live tables move to a
 * schema {@code retired_<time>}, the rebuilt ones into the live schema; DDL is transactional there, so readers
 * and the live service see either the old model or the new one, never a mix, and the service carries on writing
 * into the new tables. H2 commits each DDL statement on its own, so there the switch is left to the operator.
 */
public final class Rebuild {

    /**
     * What to rebuild.
     *
     * @param clientConfig the Kafka cluster and security settings; never null
     * @param topic the order topic; never null
     * @param live the live read model; never null
     * @param target where to rebuild: the live database in another schema, or another database; never null
     * @param switchTables switch atomically after a successful verification (PostgreSQL, same database)
     * @param verifyTimeout how long to wait for the live model to reach the rebuild's offsets; never null
     */
    public record Options(
            Map<String, Object> clientConfig,
            String topic,
            ReadModelDatabase live,
            ReadModelDatabase target,
            boolean switchTables,
            Duration verifyTimeout) {

        /** Copies the settings. */
        public Options {
            clientConfig = Map.copyOf(clientConfig);
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(live, "live");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(verifyTimeout, "verifyTimeout");
        }
    }

    /**
     * What the rebuild did.
     *
     * @param events records replayed (to the verification's offsets)
     * @param applied events applied to the new model
     * @param rejected events the rules rejected (dead-lettered by the live service before)
     * @param poison records that did not decode
     * @param replayMillis how long the bulk replay (from the beginning to the end as of the start) took
     * @param replayEvents records in the bulk replay
     * @param live the live model at the verification's offsets; never null
     * @param rebuilt the rebuilt model at the same offsets; never null
     * @param positions the offsets of the verification; never null
     * @param retiredSchema where the old tables went after a switch; null when not switched
     */
    public record Result(
            long events,
            long applied,
            long rejected,
            long poison,
            long replayMillis,
            long replayEvents,
            ModelSnapshot live,
            ModelSnapshot rebuilt,
            Map<TopicPartition, Long> positions,
            String retiredSchema) {

        /** Returns whether the rebuilt model equals the live one. */
        public boolean verified() {
            return live.equals(rebuilt);
        }

        /** Returns the bulk replay's events per second. */
        public long eventsPerSecond() {
            return replayMillis == 0 ? replayEvents : replayEvents * 1000 / replayMillis;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> TABLES =
            List.of(ReadModelTables.ORDERS, ReadModelTables.PROCESSED_EVENTS, ReadModelTables.READ_POSITIONS);

    private final Options options;
    private final EventDecoder decoder;
    private final Clock clock;
    private final PrintWriter out;
    private final boolean terminal;
    private long events;
    private long applied;
    private long rejected;
    private long poison;

    /**
     * Prepares a rebuild.
     *
     * @param options what to rebuild; never null
     * @param decoder decodes records as the live service does (same contract version); never null
     * @param clock gives {@code processed_at}; never null
     * @param out where progress and status lines go; never null
     * @param terminal whether {@code out} is a terminal (a progress bar redrawn in place)
     */
    public Rebuild(Options options, EventDecoder decoder, Clock clock, PrintWriter out, boolean terminal) {
        this.options = Objects.requireNonNull(options, "options");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
    }

    /**
     * Runs the rebuild: prepare the target, replay, verify, switch if asked.
     *
     * @return what it did; never null
     * @throws ServiceConfigurationException when the target is not empty, the switch is not possible, or a database
     *     refuses the credentials
     * @throws IllegalStateException when the live model does not reach the rebuild's offsets in time
     */
    public Result run() {
        checkSwitch();
        prepareTarget();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
                ReadModelWriter writer = new ReadModelWriter(
                        options.target()::open, options.target().dialect(), clock)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long total = 0;
            for (TopicPartition p : partitions) {
                total += ends.get(p) - beginnings.get(p);
            }
            out.printf(
                    Locale.ROOT, "Replaying %,d records of '%s' into %s%n", total, options.topic(), options.target());
            out.flush();
            long start = System.nanoTime();
            ProgressBar bar = new ProgressBar(out, terminal, start);
            replayTo(consumer, writer, ends, bar, total);
            long replayMillis = (System.nanoTime() - start) / 1_000_000;
            long replayEvents = events;
            bar.finish(events, total);
            return verify(consumer, writer, partitions, beginnings, replayMillis, replayEvents);
        }
    }

    private void checkSwitch() {
        if (!options.switchTables()) {
            return;
        }
        if (options.live().dialect() != Dialect.POSTGRESQL) {
            throw new ServiceConfigurationException(
                    "--switch needs PostgreSQL: H2 commits each table rename on its own, so the switch could not be "
                            + "atomic. Fix: leave out --switch and switch by hand (stop the service, point --jdbc-url "
                            + "at the rebuilt model, start it).",
                    null);
        }
        if (!options.target().sameDatabaseAs(options.live())
                || options.target().schema().isEmpty()) {
            throw new ServiceConfigurationException(
                    "--switch needs the rebuild in another schema of the live database (--target-schema): a model "
                            + "in another database is switched by pointing the service's --jdbc-url at it.",
                    null);
        }
    }

    private void prepareTarget() {
        try (Connection c = options.target().open()) {
            // the schema by name: PostgreSQL accepts a search path to a schema that does not exist yet, and then its
            // current schema is null, which would match the live model's tables in any schema
            String schema = options.target().schema().isPresent()
                    ? options.target().schema().get()
                    : c.getSchema();
            if (hasTable(c, schema, ReadModelTables.ORDERS)) {
                throw new ServiceConfigurationException(
                        "the rebuild target " + options.target() + " already holds a read model. Fix: choose another"
                                + " --target-schema, or drop that one first.",
                        null);
            }
        } catch (SQLException e) {
            boolean noSchemaYet = "3F000".equals(e.getSQLState()) || "90079".equals(e.getSQLState());
            if (!noSchemaYet && SqlFailures.classify(e) == SqlFailures.Kind.CONFIGURATION) {
                throw new ServiceConfigurationException(
                        SqlFailures.explain(e, options.target().toString()), e);
            }
            if (!noSchemaYet) {
                throw new IllegalStateException("cannot reach " + options.target() + ": " + e.getMessage(), e);
            }
            // the schema does not exist yet: the migrations create it
        }
        Migrations.Result target = Migrations.migrate(options.target());
        String live = Migrations.currentVersion(options.live());
        if (options.switchTables() && !live.equals(target.version())) {
            throw new ServiceConfigurationException(
                    "the live read model is at schema version " + live + ", the rebuilt one at " + target.version()
                            + ". Fix: restart the service with this version first (it migrates the live model), "
                            + "then rebuild.",
                    null);
        }
    }

    private static boolean hasTable(Connection c, String schema, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            for (String in : new String[] {schema, schema == null ? null : schema.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rows = c.getMetaData().getTables(null, in, name, null)) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Replays every partition up to (excluding) the given offsets, applying as the service does. */
    private void replayTo(
            KafkaConsumer<byte[], byte[]> consumer,
            ReadModelWriter writer,
            Map<TopicPartition, Long> until,
            ProgressBar bar,
            long total) {
        while (true) {
            List<TopicPartition> behind = new ArrayList<>();
            for (TopicPartition p : until.keySet()) {
                if (consumer.position(p, TIMEOUT) < until.get(p)) {
                    behind.add(p);
                }
            }
            if (behind.isEmpty()) {
                return;
            }
            consumer.pause(until.keySet());
            consumer.resume(behind);
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            List<ReadModelWriter.Decoded> batch = new ArrayList<>(records.count());
            Map<TopicPartition, Long> positions = new HashMap<>();
            Map<TopicPartition, Long> firsts = new HashMap<>();
            long inBatch = 0;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                TopicPartition p = new TopicPartition(record.topic(), record.partition());
                firsts.putIfAbsent(p, record.offset());
                if (record.offset() >= until.get(p)) {
                    continue;
                }
                positions.put(p, record.offset() + 1);
                inBatch++;
                try {
                    batch.add(new ReadModelWriter.Decoded(record, decoder.decode(record)));
                } catch (PoisonEventException e) {
                    poison++;
                }
            }
            if (positions.isEmpty()) {
                continue;
            }
            try {
                ReadModelWriter.BatchResult result = writer.apply(batch, positions, letters -> {});
                applied += result.applied();
                rejected += result.rejected().size();
                events += inBatch;
            } catch (TransientFailureException e) {
                LOG.warn("Rebuild batch rolled back, retrying in 1 s: {}", e.getMessage());
                firsts.forEach(consumer::seek);
                sleep(1_000);
                continue;
            }
            // records fetched beyond the target are not applied: read them again later, if ever
            for (TopicPartition p : firsts.keySet()) {
                if (consumer.position(p, TIMEOUT) > until.get(p)) {
                    consumer.seek(p, until.get(p));
                }
            }
            bar.update(events, total);
        }
    }

    private Result verify(
            KafkaConsumer<byte[], byte[]> consumer,
            ReadModelWriter writer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> beginnings,
            long replayMillis,
            long replayEvents) {
        long deadline = System.nanoTime() + options.verifyTimeout().toNanos();
        boolean waited = false;
        while (true) {
            try (Connection live = options.live().open()) {
                live.setAutoCommit(false);
                lockLive(live);
                Map<TopicPartition, Long> target = livePositions(live, partitions, beginnings);
                TopicPartition behind = partitions.stream()
                        .filter(p -> target.get(p) < consumer.position(p, TIMEOUT))
                        .findFirst()
                        .orElse(null);
                if (behind == null) {
                    replayTo(consumer, writer, target, new ProgressBar(out, false, System.nanoTime()), 0);
                    ModelSnapshot liveModel = ModelSnapshot.read(live);
                    ModelSnapshot rebuilt;
                    try (Connection c = options.target().open()) {
                        rebuilt = ModelSnapshot.read(c);
                    }
                    String retired = null;
                    if (options.switchTables() && liveModel.equals(rebuilt)) {
                        retired = switchTables(live);
                    }
                    live.commit();
                    return new Result(
                            events,
                            applied,
                            rejected,
                            poison,
                            replayMillis,
                            replayEvents,
                            liveModel,
                            rebuilt,
                            target,
                            retired);
                }
                live.rollback();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the live read model did not reach the rebuild's offsets within "
                            + options.verifyTimeout().toSeconds() + " s (partition " + behind + " at "
                            + target.get(behind) + ", rebuild at " + consumer.position(behind, TIMEOUT)
                            + "); is the service running? Fix: start it, or give --verify-timeout-seconds more time.");
                }
                if (!waited) {
                    out.printf("The live read model is behind the rebuild (%s); waiting for it%n", behind);
                    out.flush();
                    waited = true;
                }
            } catch (SQLException e) {
                if (SqlFailures.classify(e) == SqlFailures.Kind.CONFIGURATION) {
                    throw new ServiceConfigurationException(
                            SqlFailures.explain(e, options.live().toString()), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "cannot verify against " + options.live() + ": " + e.getMessage(), e);
                }
                LOG.warn("Verification against the live model failed, retrying: {}", e.getMessage());
            }
            sleep(500);
        }
    }

    /** Stops writes to the live model until the transaction ends; readers go on (PostgreSQL). */
    private void lockLive(Connection live) throws SQLException {
        try (Statement s = live.createStatement()) {
            if (options.live().dialect() == Dialect.POSTGRESQL) {
                s.execute("LOCK TABLE " + String.join(", ", TABLES) + " IN "
                        + (options.switchTables() ? "ACCESS EXCLUSIVE" : "EXCLUSIVE") + " MODE");
            } else {
                try (ResultSet rows =
                        s.executeQuery("SELECT next_offset FROM " + ReadModelTables.READ_POSITIONS + " FOR UPDATE")) {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                }
            }
        }
    }

    private Map<TopicPartition, Long> livePositions(
            Connection live, List<TopicPartition> partitions, Map<TopicPartition, Long> beginnings)
            throws SQLException {
        Map<TopicPartition, Long> positions = new HashMap<>(beginnings);
        try (PreparedStatement select = live.prepareStatement("SELECT source_partition, next_offset FROM "
                + ReadModelTables.READ_POSITIONS + " WHERE source_topic = ?")) {
            select.setString(1, options.topic());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    TopicPartition p = new TopicPartition(options.topic(), rows.getInt(1));
                    if (partitions.contains(p)) {
                        positions.put(p, Math.max(rows.getLong(2), beginnings.get(p)));
                    }
                }
            }
        }
        return positions;
    }

    /** Moves the live tables to a new schema and the rebuilt ones into the live schema; commits with the caller. */
    private String switchTables(Connection live) throws SQLException {
        String liveSchema;
        try (Statement s = live.createStatement();
                ResultSet row = s.executeQuery("SELECT current_schema()")) {
            row.next();
            liveSchema = row.getString(1);
        }
        String retired = "retired_"
                + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(clock.instant());
        String rebuilt = options.target().schema().orElseThrow();
        try (Statement s = live.createStatement()) {
            s.execute("CREATE SCHEMA " + quote(retired));
            for (String table : TABLES) {
                s.execute("ALTER TABLE " + quote(liveSchema) + "." + table + " SET SCHEMA " + quote(retired));
            }
            for (String table : TABLES) {
                s.execute("ALTER TABLE " + quote(rebuilt) + "." + table + " SET SCHEMA " + quote(liveSchema));
            }
        }
        return retired;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        var infos = consumer.partitionsFor(options.topic(), TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new ServiceConfigurationException("the topic '" + options.topic() + "' does not exist", null);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(options.topic(), info.partition())));
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(options.clientConfig());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
