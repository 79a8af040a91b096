package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.ServiceConfigurationException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the read model lives and how to connect: a JDBC URL of a supported database ({@link Dialect}), the
 * credentials, and optionally a schema other than the connection's default (a rebuild writes into one).
 *
 * <p>Credentials: a user or password that is not given is not passed to the driver at all, so that the driver's
 * own mechanisms apply — PostgreSQL's driver then takes the operating-system user and looks the password up in
 * {@code ~/.pgpass} (or the file {@code PGPASSFILE} names); an H2 URL without a user gets H2's {@code sa} with an
 * empty password, as before. Nothing here logs or prints a password: {@link #toString()} masks the URL.
 */
public final class ReadModelDatabase {

    private static final String H2_USER = "sa";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String schema;
    private final Dialect dialect;

    private ReadModelDatabase(String jdbcUrl, String user, String password, String schema, Dialect dialect) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.dialect = dialect;
    }

    /**
     * Describes a read model database, checking that it is one we support and that its driver is on the class
     * path.
     *
     * @param jdbcUrl the URL; never null
     * @param user the user, or null for the driver's default
     * @param password the password, or null for the driver's own mechanisms
     * @return the database; never null
     * @throws ServiceConfigurationException for an unsupported database or a missing driver
     */
    public static ReadModelDatabase of(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String masked = Secrets.maskUrl(jdbcUrl);
        Dialect dialect = Dialect.of(jdbcUrl)
                .orElseThrow(() -> new ServiceConfigurationException(
                        "the read model database " + masked + " is not one the service supports. Fix: use H2"
                                + " (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://host:5432/database) in --jdbc-url.",
                        null));
        try {
            DriverManager.getDriver(jdbcUrl);
        } catch (SQLException e) {
            throw new ServiceConfigurationException(SqlFailures.explain(e, masked), e);
        }
        boolean h2 = dialect == Dialect.H2;
        return new ReadModelDatabase(
                jdbcUrl, user == null && h2 ? H2_USER : user, password == null && h2 ? "" : password, null, dialect);
    }

    /**
     * Returns the same database with the read model in another schema, created by the migrations if missing.
     *
     * @param name the schema, e.g. {@code rebuild}; never null
     * @return a new description; never null
     */
    public ReadModelDatabase inSchema(String name) {
        return new ReadModelDatabase(jdbcUrl, user, password, Objects.requireNonNull(name, "name"), dialect);
    }

    /** Returns the dialect; never null. */
    public Dialect dialect() {
        return dialect;
    }

    /** Returns the schema the read model is in, or empty for the connection's default schema. */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** Returns the JDBC URL with passwords masked; never null. */
    public String maskedUrl() {
        return Secrets.maskUrl(jdbcUrl);
    }

    /** Returns whether another description names the same database (URL and user), whatever the schema. */
    public boolean sameDatabaseAs(ReadModelDatabase other) {
        return jdbcUrl.equals(other.jdbcUrl) && Objects.equals(user, other.user);
    }

    /**
     * Opens a connection, in the read model's schema when one was given; auto-commit as the driver sets it.
     *
     * @return a new connection; the caller closes it
     * @throws SQLException when the database refuses or is unreachable
     */
    public Connection open() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        if (schema != null) {
            try {
                connection.setSchema(schema);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    /** Returns this database as a {@link DataSource} for libraries that want one (Flyway); never null. */
    public DataSource asDataSource() {
        return new ConnectingDataSource(this);
    }

    /** The URL with passwords masked, the user and the schema, e.g. for logs and error messages. */
    @Override
    public String toString() {
        return maskedUrl()
                + (user == null ? "" : " as user '" + user + "'")
                + (schema == null ? "" : " in schema '" + schema + "'");
    }

    /** A {@link DataSource} that opens a new connection per call; no pool, as Flyway uses one or two. */
    private record ConnectingDataSource(ReadModelDatabase database) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return database.open();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the read model's credentials are fixed");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no java.util.logging here");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
