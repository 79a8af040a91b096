package dev.eventcontracts.devstack.postgres;

import java.util.List;
import java.util.Objects;

/**
 * A fresh, empty database for one test, on H2 or on the shared PostgreSQL server; what {@link OnEachDatabase}
 * passes to a test method.
 *
 * @param kind which database; never null
 * @param name a name unique in the test run, usable as a consumer group or file name; never null
 * @param jdbcUrl the JDBC URL, without credentials; never null
 * @param user the user; never null
 * @param password the password ({@code ""} for H2's {@code sa}); never null
 * @param server the PostgreSQL server holding the database; null for H2
 * @since 0.1.0
 */
public record TestDatabase(
        DatabaseKind kind, String name, String jdbcUrl, String user, String password, PostgresServer server) {

    /** Checks the required parts. */
    public TestDatabase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if ((kind == DatabaseKind.POSTGRESQL) != (server != null)) {
            throw new IllegalArgumentException("a PostgreSQL database comes with its server, an H2 one without");
        }
    }

    /** Returns whether this is the PostgreSQL database. */
    public boolean isPostgres() {
        return kind == DatabaseKind.POSTGRESQL;
    }

    /**
     * Returns the {@code ERROR} and {@code FATAL} lines the PostgreSQL server logged for this database so far; always
     * empty for H2, which has no server log.
     *
     * @return the lines; never null
     */
    public List<String> serverErrors() {
        return server == null ? List.of() : server.errorLines(name);
    }

    /** Keeps the password out of test reports. */
    @Override
    public String toString() {
        return kind.displayName() + " database " + name + " (" + jdbcUrl + ")";
    }
}
