package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlFailuresTest {

    @ParameterizedTest
    @CsvSource({
        // PostgreSQL, as observed with driver 42.7
        "28P01, CONFIGURATION", // password authentication failed
        "28000, CONFIGURATION", // pg_hba.conf rejects, role may not log in
        "08004, CONFIGURATION", // the server requested a password, none given
        "3D000, CONFIGURATION", // database does not exist
        "42501, CONFIGURATION", // permission denied for schema public
        "42P01, CONFIGURATION", // relation does not exist
        "08001, OUTAGE", // connection refused
        "08006, OUTAGE", // I/O error, backend killed
        "57P01, OUTAGE", // terminating connection due to administrator command
        "57P03, OUTAGE", // the database system is starting up
        "40P01, OUTAGE", // deadlock detected
        "53300, OUTAGE", // too many connections
        "22001, DATA", // value too long
        "23505, DATA", // unique violation
        // H2 2.3
        "90146, CONFIGURATION", // database not found (IFEXISTS)
        "90040, CONFIGURATION", // admin rights required
        "90096, CONFIGURATION", // not enough rights
        "HYT00, OUTAGE", // lock timeout
    })
    void classify_bySqlState(String state, SqlFailures.Kind kind) {
        assertThat(SqlFailures.classify(new SQLException("message", state))).isEqualTo(kind);
    }

    @Test
    void classify_noSuitableDriver_isConfigurationAlthoughItsStateIs08001() {
        SQLException noDriver = org.junit.jupiter.api.Assertions.assertThrows(
                SQLException.class, () -> DriverManager.getConnection("jdbc:nosuchdb://localhost/x"));

        assertThat(noDriver.getSQLState()).isEqualTo("08001");
        assertThat(SqlFailures.classify(noDriver)).isEqualTo(SqlFailures.Kind.CONFIGURATION);
        assertThat(SqlFailures.explain(noDriver, "jdbc:nosuchdb://localhost/x"))
                .contains("no JDBC driver", "jdbc:postgresql://", "--jdbc-url");
    }

    @Test
    void classify_lostConnection_isAnOutage() {
        assertThat(SqlFailures.classify(new SQLTransientConnectionException("gone")))
                .isEqualTo(SqlFailures.Kind.OUTAGE);
        assertThat(SqlFailures.classify(new SQLException("refused", "08001", new ConnectException("refused"))))
                .isEqualTo(SqlFailures.Kind.OUTAGE);
        assertThat(SqlFailures.classify(new RuntimeException(new java.io.IOException("reset"))))
                .isEqualTo(SqlFailures.Kind.OUTAGE);
    }

    @Test
    void explain_namesTheFixForEachConfigurationError() {
        assertThat(explain("FATAL: password authentication failed for user \"orders\"", "28P01"))
                .contains("password authentication failed", "--jdbc-password", "READ_MODEL_JDBC_PASSWORD", ".pgpass");
        assertThat(explain("FATAL: database \"nosuch\" does not exist", "3D000"))
                .contains("does not exist", "CREATE DATABASE");
        assertThat(explain("ERROR: permission denied for schema public", "42501"))
                .contains("permission denied for schema public", "CREATE", "OWNER");
    }

    private static String explain(String message, String state) {
        return SqlFailures.explain(new SQLException(message, state), "jdbc:postgresql://db/orders as user 'orders'");
    }
}
