package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.consumer.OrderReadModel;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read model's database really goes away (its TCP server stops) and comes back. */
class ReadModelOutageTest {

    private final TestEvents events = new TestEvents();
    private final String database = "mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private Server server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private Server startServer(int port) throws SQLException {
        return Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists")
                .start();
    }

    @Test
    void apply_databaseDown_failsTransientlyWithoutCommittingAndSucceedsOnceItIsBack() throws SQLException {
        server = startServer(0);
        int port = server.getPort();
        String url = "jdbc:h2:tcp://localhost:" + port + "/" + database;
        Migrations.migrate(ReadModelDatabase.of(url, "sa", ""));
        ReadModelWriter writer =
                new ReadModelWriter(() -> DriverManager.getConnection(url, "sa", ""), Dialect.H2, Clock.systemUTC());
        writer.apply(List.of(events.decoded(events.created("o1"))), letters -> {});

        server.stop();
        List<ReadModelWriter.Decoded> batch = List.of(events.decoded(events.created("o2")));
        assertThatThrownBy(() -> writer.apply(batch, letters -> {})).isInstanceOf(TransientFailureException.class);
        assertThatThrownBy(() -> writer.apply(batch, letters -> {})).isInstanceOf(TransientFailureException.class);

        server = startServer(port);
        assertThat(writer.apply(batch, letters -> {}).applied()).isEqualTo(1);
        assertThat(new OrderReadModel(url, "sa", "").totals().orders()).isEqualTo(2);
        writer.close();
    }
}
