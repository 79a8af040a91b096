package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.consumer.DeadLetterReason;
import dev.eventcontracts.consumer.OrderReadModel;
import dev.eventcontracts.consumer.ServiceConfigurationException;
import dev.eventcontracts.devstack.postgres.DatabaseKind;
import dev.eventcontracts.devstack.postgres.OnEachDatabase;
import dev.eventcontracts.devstack.postgres.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The read model's database layer on a real PostgreSQL and on H2: migrations, idempotency, configuration errors. */
@Tag("integration")
@Timeout(120)
class ReadModelDatabaseIT {

    private final TestEvents events = new TestEvents();

    private static ReadModelDatabase of(TestDatabase db) {
        return ReadModelDatabase.of(db.jdbcUrl(), db.user(), db.password());
    }

    @OnEachDatabase
    void migrate_versionOneSchemaWithData_reachesTheCurrentVersionKeepingItsData(TestDatabase db) throws SQLException {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration/common")
                .target("1")
                .load()
                .migrate();
        execute(
                db,
                "INSERT INTO orders VALUES ('o1', 'c1', 'PAID', 25.50, 'EUR', 3, 'Berlin', 'DE', NULL,"
                        + " TIMESTAMP WITH TIME ZONE '2026-11-27 10:00:00+00', TIMESTAMP WITH TIME ZONE"
                        + " '2026-11-27 10:01:00+00', 2)",
                "INSERT INTO processed_events VALUES ('e1', 'o1', 'OrderCreated', 'APPLIED', 'order-events', 3, 17,"
                        + " CURRENT_TIMESTAMP)",
                "INSERT INTO processed_events VALUES ('e2', 'o1', 'OrderStatusChanged', 'APPLIED', 'order-events',"
                        + " 3, 41, CURRENT_TIMESTAMP)");

        Migrations.Result result = Migrations.migrate(of(db));

        assertThat(result.executed()).isEqualTo(1);
        assertThat(result.version()).isEqualTo("2");
        OrderReadModel model = new OrderReadModel(db.jdbcUrl(), db.user(), db.password());
        assertThat(model.order("o1").orElseThrow().status()).isEqualTo("PAID");
        assertThat(model.totals()).isEqualTo(new OrderReadModel.Totals(1, 2, 0, 2));
        assertThat(model.positions()).containsExactly(Map.entry(new TopicPartition("order-events", 3), 42L));
        assertThat(Migrations.migrate(of(db)).executed()).as("a second start").isZero();
    }

    @OnEachDatabase
    void migrate_readModelCreatedBeforeMigrations_isRecordedAsVersionOneAndMigrated(TestDatabase db) throws Exception {
        String v1 = new String(
                getClass()
                        .getResourceAsStream("/db/migration/common/V1__read_model.sql")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        execute(db, v1.replaceAll("(?m)^--.*$", "").split(";"));
        execute(
                db,
                "INSERT INTO processed_events VALUES ('e1', 'o1', 'OrderCreated', 'DEAD_LETTERED', 'order-events',"
                        + " 0, 5, CURRENT_TIMESTAMP)");

        Migrations.Result result = Migrations.migrate(of(db));

        assertThat(result.version()).isEqualTo("2");
        assertThat(new OrderReadModel(db.jdbcUrl(), db.user(), db.password())
                        .totals()
                        .deadLetteredEvents())
                .isEqualTo(1);
    }

    @OnEachDatabase
    void apply_redeliveredBatch_isAllDuplicates_andTheServerLogsNoError(TestDatabase db) {
        ReadModelDatabase database = of(db);
        Migrations.migrate(database);
        List<ReadModelWriter.Decoded> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(events.decoded(events.created("o" + i)));
            batch.add(events.decoded(events.changed("o" + i, "CREATED", "PAID")));
        }
        try (ReadModelWriter writer = new ReadModelWriter(database::open, database.dialect(), Clock.systemUTC())) {
            assertThat(writer.apply(batch, letters -> {}).applied()).isEqualTo(100);

            ReadModelWriter.BatchResult again = writer.apply(batch, letters -> {});

            assertThat(again.duplicates()).isEqualTo(100);
            assertThat(again.applied()).isZero();
        }
        assertThat(db.serverErrors()).isEmpty();
    }

    @OnEachDatabase
    void apply_eventRecordedByAnotherWriterWhileABatchIsWritten_isADuplicateWithoutAServerError(TestDatabase db) {
        ReadModelDatabase database = of(db);
        Migrations.migrate(database);
        List<ReadModelWriter.Decoded> batch = List.of(
                events.decoded(events.created("o1")),
                events.decoded(events.created("o2")),
                events.decoded(events.created("o3")));
        // the first insert of the batch's ids meets o2's event, recorded by another writer a moment before
        ReadModelWriter.ConnectionFactory racing =
                racing(database, db, batch.get(1).event(), 1);
        try (ReadModelWriter writer = new ReadModelWriter(racing, database.dialect(), Clock.systemUTC())) {
            ReadModelWriter.BatchResult result = writer.apply(batch, letters -> {});

            assertThat(result.applied()).isEqualTo(2);
            assertThat(result.duplicates()).isEqualTo(1);
        }
        assertThat(db.serverErrors()).isEmpty();
    }

    @OnEachDatabase
    void apply_eventRecordedByAnotherWriterBetweenLookupAndInsert_retriesTheBatchWithoutAServerError(TestDatabase db) {
        ReadModelDatabase database = of(db);
        Migrations.migrate(database);
        ReadModelWriter.Decoded redelivered = events.decoded(events.created("o1"));
        try (ReadModelWriter writer = new ReadModelWriter(database::open, database.dialect(), Clock.systemUTC())) {
            writer.apply(List.of(redelivered), letters -> {});
        }
        List<ReadModelWriter.Decoded> batch =
                List.of(redelivered, events.decoded(events.created("o2")), events.decoded(events.created("o3")));
        OrderEvent taken = batch.get(1).event();
        // the batch holds a redelivered event, so its ids are looked up; o2's is recorded by another writer after
        // the lookup, before the writer's own insert (the second insert: the first found the redelivered one)
        try (ReadModelWriter writer =
                new ReadModelWriter(racing(database, db, taken, 2), database.dialect(), Clock.systemUTC())) {
            assertThatThrownBy(() -> writer.apply(batch, letters -> {}))
                    .isInstanceOf(TransientFailureException.class)
                    .hasMessageContaining(taken.eventId())
                    .hasMessageContaining("another instance");

            ReadModelWriter.BatchResult retried = writer.apply(batch, letters -> {});

            assertThat(retried.applied()).isEqualTo(1);
            assertThat(retried.duplicates()).isEqualTo(2);
        }
        assertThat(db.serverErrors()).isEmpty();
    }

    /**
     * Connections on which another writer records an event just before the given execution (1st, 2nd, …) of the
     * insert of the event ids: the fault injected.
     */
    private static ReadModelWriter.ConnectionFactory racing(
            ReadModelDatabase database, TestDatabase db, OrderEvent event, int atExecution) {
        AtomicInteger executions = new AtomicInteger();
        return () -> {
            Connection real = database.open();
            return proxy(Connection.class, real, (method, args) -> {
                Object result = method.invoke(real, args);
                if (method.getName().equals("prepareStatement")
                        && ((String) args[0]).startsWith("INSERT INTO " + ReadModelTables.PROCESSED_EVENTS)) {
                    PreparedStatement statement = (PreparedStatement) result;
                    return proxy(PreparedStatement.class, statement, (m, a) -> {
                        if ((m.getName().equals("executeQuery") || m.getName().equals("executeBatch"))
                                && executions.incrementAndGet() == atExecution) {
                            execute(
                                    db,
                                    "INSERT INTO " + ReadModelTables.PROCESSED_EVENTS + " (event_id, order_id,"
                                            + " event_type, outcome, source_topic, source_partition, source_offset,"
                                            + " processed_at) VALUES ('" + event.eventId() + "', '" + event.orderId()
                                            + "', '" + event.type() + "', '" + ReadModelTables.APPLIED
                                            + "', 'order-events', 0, 1, CURRENT_TIMESTAMP)");
                        }
                        return m.invoke(statement, a);
                    });
                }
                return result;
            });
        };
    }

    /** What a proxy does with a call. */
    private interface Call {
        Object handle(java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                return call.handle(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @OnEachDatabase
    void apply_valueTooLongForItsColumn_deadLettersThatEventAndAppliesTheRest(TestDatabase db) throws SQLException {
        ReadModelDatabase database = of(db);
        Migrations.migrate(database);
        OrderEvent.Created tooLong = events.created("o1", "x".repeat(500));
        try (ReadModelWriter writer = new ReadModelWriter(database::open, database.dialect(), Clock.systemUTC())) {
            ReadModelWriter.BatchResult result = writer.apply(
                    List.of(
                            events.decoded(events.created("o0")),
                            events.decoded(tooLong),
                            events.decoded(events.created("o2"))),
                    letters -> {});

            assertThat(result.rejected())
                    .singleElement()
                    .extracting(DeadLetter::reason)
                    .isEqualTo(DeadLetterReason.PROCESSING_FAILED);
            assertThat(result.applied()).isEqualTo(2);
            assertThat(writer.apply(List.of(events.decoded(tooLong)), letters -> {})
                            .duplicates())
                    .as("its redelivery")
                    .isEqualTo(1);
        }
        OrderReadModel model = new OrderReadModel(db.jdbcUrl(), db.user(), db.password());
        assertThat(model.totals()).isEqualTo(new OrderReadModel.Totals(2, 2, 1, 2));
    }

    @OnEachDatabase
    void migrate_wrongPassword_failsAtOnceNamingTheOptionsToFix(TestDatabase db) {
        Migrations.migrate(of(db)); // H2 creates a missing database with whatever credentials it is given
        ReadModelDatabase wrong = ReadModelDatabase.of(db.jdbcUrl(), db.user(), "not-" + db.password());

        assertThatThrownBy(() -> Migrations.migrate(wrong))
                .isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("--jdbc-user/--jdbc-password")
                .hasMessageContaining(
                        db.isPostgres() ? "password authentication failed" : "Wrong user name or password")
                .hasMessageNotContaining("not-" + db.password());
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void migrate_userWithoutCreateOnSchemaPublic_failsNamingThePrivilege(TestDatabase db) {
        db.server().execute("CREATE ROLE " + db.name() + "_ro LOGIN PASSWORD 'readonly'");

        assertThatThrownBy(() -> Migrations.migrate(ReadModelDatabase.of(db.jdbcUrl(), db.name() + "_ro", "readonly")))
                .isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("permission denied for schema public")
                .hasMessageContaining("CREATE and USAGE on its schema");
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void migrate_unknownDatabase_failsNamingIt(TestDatabase db) {
        String url = db.server().jdbcUrl("no_such_database");

        assertThatThrownBy(() -> Migrations.migrate(ReadModelDatabase.of(url, db.user(), db.password())))
                .isInstanceOf(ServiceConfigurationException.class)
                .hasMessageContaining("database \"no_such_database\" does not exist")
                .hasMessageContaining("CREATE DATABASE");
    }

    @OnEachDatabase(DatabaseKind.POSTGRESQL)
    void open_withoutPassword_takesItFromThePgpassFile(TestDatabase db, @TempDir Path dir) throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(
                pgpass,
                "localhost:" + db.server().port() + ":" + db.name() + ":" + db.user() + ":" + db.password() + "\n");
        String property = "org.postgresql.pgpassfile";
        System.setProperty(property, pgpass.toString());
        try {
            Migrations.Result result = Migrations.migrate(ReadModelDatabase.of(db.jdbcUrl(), db.user(), null));

            assertThat(result.version()).isEqualTo("2");
        } finally {
            System.clearProperty(property);
        }
    }

    private static void execute(TestDatabase db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }
}
