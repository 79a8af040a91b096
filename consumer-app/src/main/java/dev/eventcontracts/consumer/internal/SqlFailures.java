package dev.eventcontracts.consumer.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells apart the three kinds of database failure the service treats differently: an outage (retry later), a
 * configuration error (retrying cannot help: stop and say what to fix), and a problem with one event's data
 * (dead-letter that event).
 *
 * <p>By SQLSTATE, as PostgreSQL's driver reports every error as a plain {@code SQLException} with no JDBC subclass;
 * the codes are the SQL standard's and PostgreSQL's, and H2's own numbers where H2 has no standard one (each code
 * below was observed on PostgreSQL 17 with driver 42.7 and on H2 2.3):
 *
 * <ul>
 *   <li>configuration: class {@code 28} (wrong password, unknown user, {@code pg_hba.conf} rejects, role may not
 *       log in), {@code 08004} (a password is required but none was given), {@code 3D000} (unknown database),
 *       {@code 3F000} (unknown schema), {@code 42501} (no privilege: CONNECT, CREATE on the schema, a table),
 *       {@code 42P01} (a table of the read model is missing), H2's {@code 90146} (database not found),
 *       {@code 90040} (admin rights needed), {@code 90096} (not enough rights) and {@code 90062} (cannot create the
 *       database file); and "No suitable driver", which {@code DriverManager} reports as {@code 08001} like a refused
 *       connection;
 *   <li>outage: class {@code 08} otherwise (connection refused, lost), {@code 40} (deadlock, serialization),
 *       {@code 53} (out of resources), {@code 57} (server shutting down or starting), {@code HYT}/{@code HYT00}
 *       (timeouts, H2's lock timeout), a lost connection ({@code SQLTransientException},
 *       {@code SQLRecoverableException}, {@code SQLNonTransientConnectionException}, an {@code IOException} cause);
 *   <li>data: everything else, e.g. class {@code 22} (value too long) and {@code 23} (constraint).
 * </ul>
 */
public final class SqlFailures {

    /** What kind of failure. */
    public enum Kind {
        /** The database is not reachable or not able right now: retry with backoff. */
        OUTAGE,
        /** The service is configured wrongly (credentials, privileges, names, driver): stop and name the fix. */
        CONFIGURATION,
        /** The failure is about the data of what was written: dead-letter the event. */
        DATA
    }

    /** SQLSTATE of a unique or primary key violation, in H2 and PostgreSQL alike. */
    public static final String UNIQUE_VIOLATION = "23505";

    private static final Set<String> CONFIGURATION_STATES =
            Set.of("08004", "3D000", "3F000", "42501", "42P01", "90146", "90040", "90096", "90062");

    private SqlFailures() {}

    /**
     * Classifies a failure by its first {@code SQLException} (or connection failure) in the cause chain.
     *
     * @param failure the failure; never null
     * @return the kind; never null
     */
    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Kind kind = classifySql(sql);
                if (kind != null) {
                    return kind;
                }
            }
            if (t instanceof IOException) {
                return Kind.OUTAGE;
            }
        }
        return Kind.DATA;
    }

    private static Kind classifySql(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (isMissingDriver(sql)
                || state.startsWith("28")
                || CONFIGURATION_STATES.contains(state)
                || CONFIGURATION_STATES.contains(Integer.toString(sql.getErrorCode()))) {
            return Kind.CONFIGURATION;
        }
        if (sql instanceof SQLTransientException
                || sql instanceof SQLRecoverableException
                || sql instanceof SQLNonTransientConnectionException
                || state.startsWith("08")
                || state.startsWith("40")
                || state.startsWith("53")
                || state.startsWith("57")
                || state.startsWith("HYT")) {
            return Kind.OUTAGE;
        }
        return state.isEmpty() ? null : Kind.DATA;
    }

    /**
     * Returns whether retrying later can succeed.
     *
     * @param failure the failure; never null
     * @return {@code true} for an outage
     */
    public static boolean isTransient(Throwable failure) {
        return classify(failure) == Kind.OUTAGE;
    }

    /**
     * Returns whether the failure is a unique key violation.
     *
     * @param failure the failure; never null
     * @return {@code true} for SQLSTATE {@value #UNIQUE_VIOLATION}
     */
    public static boolean isUniqueViolation(SQLException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSQLState());
    }

    /** "No suitable driver found for …": DriverManager found no driver for the URL (SQLSTATE 08001, no cause). */
    static boolean isMissingDriver(SQLException sql) {
        return sql.getMessage() != null && sql.getMessage().startsWith("No suitable driver");
    }

    /**
     * Explains a configuration failure in our words: what the database said, and what to change.
     *
     * @param failure a failure classified as {@link Kind#CONFIGURATION}; never null
     * @param database what the service connected to, secrets masked, e.g. {@code jdbc:postgresql://db/orders as
     *     user 'orders'}; never null
     * @return the message; never null
     */
    public static String explain(SQLException failure, String database) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String said = "the read model database " + database + " refused: " + firstLine(failure.getMessage())
                + " (SQLSTATE " + state + "). ";
        if (isMissingDriver(failure)) {
            return "no JDBC driver on the class path accepts " + database
                    + ". The service ships the drivers of H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://host/db);"
                    + " check the --jdbc-url prefix.";
        }
        if (state.startsWith("28") || state.equals("08004")) {
            return said + "Fix: give the right user and password with --jdbc-user/--jdbc-password (or the "
                    + "environment variables READ_MODEL_JDBC_USER/READ_MODEL_JDBC_PASSWORD, or PostgreSQL's "
                    + "~/.pgpass), and check that the user may log in from this host (pg_hba.conf).";
        }
        if (state.equals("3D000") || state.equals("90146")) {
            return said + "Fix: create the database (CREATE DATABASE ... OWNER <user>) or correct --jdbc-url.";
        }
        if (state.equals("42501") || state.equals("90096") || state.equals("90040")) {
            return said + "Fix: the user needs CONNECT on the database and CREATE and USAGE on its schema (for the "
                    + "migrations), and SELECT, INSERT, UPDATE on the read model's tables; simplest, make it the "
                    + "database's owner (ALTER DATABASE ... OWNER TO <user>). See consumer-app/README.md.";
        }
        if (state.equals("42P01") || state.equals("3F000")) {
            return said + "Fix: a table or schema of the read model is missing; restart the service so that its "
                    + "migrations run, and check that nothing dropped the tables.";
        }
        return said + "Fix: check --jdbc-url and the database's settings.";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
