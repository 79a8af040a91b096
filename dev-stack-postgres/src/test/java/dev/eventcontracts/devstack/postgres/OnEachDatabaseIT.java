package dev.eventcontracts.devstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

@Tag("integration")
@Timeout(120)
class OnEachDatabaseIT {

    private static final Set<DatabaseKind> SEEN = new HashSet<>();

    @OnEachDatabase
    void eachInvocation_getsAFreshDatabaseItCanConnectTo(TestDatabase database) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            String product = c.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(database.kind().displayName());
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("tables of a fresh database").isEmpty();
        }
        assertThat(database.isPostgres()).isEqualTo(database.server() != null);
        SEEN.add(database.kind());
    }

    @AfterAll
    static void bothKindsRan() {
        assertThat(SEEN).containsExactlyInAnyOrder(DatabaseKind.values());
    }
}
