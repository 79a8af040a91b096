package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.ServiceConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and evolves the read model's tables with versioned migrations (Flyway), run when the service starts:
 * {@code db/migration/common} holds what every database runs, {@code db/migration/<vendor>} (e.g.
 * {@code postgresql}) what one database needs on its own; versions are unique across both.
 *
 * <p>A read model created before migrations existed (version 0.1.0 created the version-1 tables by hand) has the
 * tables but no history table: it is recorded as version 1 (baseline) and migrated from there. A schema holding
 * other tables of the team's is recorded as version 0, so every migration runs. Flyway's own log lines name the
 * database with its password masked.
 */
public final class Migrations {

    /**
     * What a migration run did.
     *
     * @param executed how many migrations ran
     * @param version the schema version afterwards, e.g. {@code 2}; never null
     */
    public record Result(int executed, String version) {}

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String COMMON = "db/migration/common";
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {}

    /**
     * Migrates the read model to the newest version this service knows.
     *
     * @param database the read model; never null
     * @return what ran; never null
     * @throws ServiceConfigurationException when the database refuses for a reason retrying cannot fix
     * @throws TransientFailureException when the database is not reachable
     */
    public static Result migrate(ReadModelDatabase database) {
        try {
            requireCreateWhereTheHistoryGoes(database);
            String baseline = hasVersionOneTablesOnly(database) ? "1" : "0";
            MigrateResult result = configure(database)
                    .baselineOnMigrate(true)
                    .baselineVersion(baseline)
                    .load()
                    .migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : currentVersion(database);
            if (database.dialect() == Dialect.H2) {
                applyH2Settings(database);
            }
            LOG.info(
                    "Read model {} at schema version {} ({} migration(s) applied now)",
                    database,
                    version,
                    result.migrationsExecuted);
            return new Result(result.migrationsExecuted, version);
        } catch (SQLException e) {
            throw translate(e, database);
        } catch (FlywayException e) {
            SQLException sql = sqlCause(e);
            if (sql != null) {
                throw translate(sql, database);
            }
            throw new ServiceConfigurationException(
                    "the read model " + database + " cannot be migrated: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the read model's schema version, or {@code "none"} before the first migration.
     *
     * @param database the read model; never null
     * @return the version, e.g. {@code 2}; never null
     */
    public static String currentVersion(ReadModelDatabase database) {
        MigrationInfo current = configure(database).load().info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private static FluentConfiguration configure(ReadModelDatabase database) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(database.asDataSource())
                .locations(locations(database.dialect()))
                .table(HISTORY_TABLE);
        database.schema().ifPresent(schema -> configuration.schemas(schema).defaultSchema(schema));
        return configuration;
    }

    private static String[] locations(Dialect dialect) {
        List<String> locations = new ArrayList<>(List.of("classpath:" + COMMON));
        String vendor = "db/migration/" + dialect.vendor();
        if (Migrations.class.getClassLoader().getResource(vendor) != null) {
            locations.add("classpath:" + vendor);
        }
        return locations.toArray(String[]::new);
    }

    /**
     * On a first start the history table is created in the read model's schema. Flyway retries a failed creation
     * ten times a second apart (meant for instances racing to create it), so a user without CREATE on the schema
     * would wait about ten seconds for the same refusal: asked first, the answer is immediate. A schema that does
     * not exist yet is left to Flyway, which creates it.
     */
    private static void requireCreateWhereTheHistoryGoes(ReadModelDatabase database) throws SQLException {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        try (Connection c = database.open()) {
            if (hasTable(c, HISTORY_TABLE)) {
                return;
            }
            String schema = database.schema().isPresent() ? database.schema().get() : c.getSchema();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT has_schema_privilege(oid, 'CREATE') FROM pg_namespace WHERE nspname = ?")) {
                query.setString(1, schema);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && !row.getBoolean(1)) {
                        throw new SQLException("permission denied for schema " + schema, "42501");
                    }
                }
            }
        }
    }

    /** The version-1 tables exist but no migration history: a read model of 0.1.0. */
    private static boolean hasVersionOneTablesOnly(ReadModelDatabase database) throws SQLException {
        try (Connection c = database.open()) {
            return hasTable(c, ReadModelTables.ORDERS)
                    && hasTable(c, ReadModelTables.PROCESSED_EVENTS)
                    && !hasTable(c, HISTORY_TABLE);
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        String schema = c.getSchema();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rows = c.getMetaData().getTables(null, schema, name, null)) {
                if (rows.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * H2 writes committed transactions to its file up to {@code WRITE_DELAY} (500 ms) later: a process killed in
     * between loses them although the consumer already committed the offsets, so events would be missing.
     * Measured: a kill -9 after 80,000 commits left 73,000 rows; with {@code WRITE_DELAY 0}, none were lost. It is
     * a persistent database setting, applied here whatever the URL says.
     *
     * <p>The other H2 setting the read model needs, {@code MAX_COMPACT_TIME=0}, exists only in the URL (see
     * {@code ConsumerSettings.DEFAULT_JDBC_URL}).
     */
    private static void applyH2Settings(ReadModelDatabase database) {
        try (Connection c = database.open();
                Statement statement = c.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            LOG.warn(
                    "Could not set H2's WRITE_DELAY to 0 ({}): commits of the last second may be lost if the "
                            + "process is killed; add ;WRITE_DELAY=0 to the JDBC URL",
                    e.getMessage());
        }
    }

    private static RuntimeException translate(SQLException e, ReadModelDatabase database) {
        return switch (SqlFailures.classify(e)) {
            case OUTAGE ->
                new TransientFailureException(
                        "read model database " + database + " not reachable: " + e.getMessage(), e);
            case CONFIGURATION -> new ServiceConfigurationException(SqlFailures.explain(e, database.toString()), e);
            case DATA ->
                new ServiceConfigurationException(
                        "the read model " + database + " cannot be migrated: " + e.getMessage(), e);
        };
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
