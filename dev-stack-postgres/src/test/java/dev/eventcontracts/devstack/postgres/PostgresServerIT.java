package dev.eventcontracts.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("integration")
@Timeout(120)
class PostgresServerIT {

    private static PostgresServer server;

    @BeforeAll
    static void start() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void connect_withWrongPassword_isRefusedBecausePasswordsAreEnforced() {
        PostgresServer.Database db = server.createDatabase("wrongpw");

        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "not-" + db.password()))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"))
                .hasMessageContaining("password authentication failed for user \"wrongpw\"");
    }

    @Test
    void errorLines_showTheErrorsOfOneDatabaseOnly() throws SQLException {
        PostgresServer.Database noisy = server.createDatabase("noisy");
        PostgresServer.Database quiet = server.createDatabase("quiet");
        try (Connection c = DriverManager.getConnection(noisy.jdbcUrl(), noisy.user(), noisy.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
            assertThatThrownBy(() -> s.execute("INSERT INTO t VALUES (1)")).isInstanceOf(SQLException.class);
        }

        assertThat(server.errorLines("noisy"))
                .anySatisfy(
                        line -> assertThat(line).contains("ERROR:  duplicate key value violates unique constraint"));
        assertThat(server.errorLines("quiet")).isEmpty();
    }

    @Test
    void stopAndRestart_keepsPortAndData() throws SQLException {
        PostgresServer.Database db = server.createDatabase("outage");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        }

        server.stop();
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"));
        server.restart();

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT id FROM kept")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(42);
        }
    }
}
