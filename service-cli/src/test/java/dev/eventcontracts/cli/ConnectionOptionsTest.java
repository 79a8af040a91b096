package dev.eventcontracts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Test
    void noOptions_defaultToALocalStack() {
        Probe probe = new Probe();

        new CommandLine(probe).parseArgs();

        assertThat(probe.connection.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(probe.connection.registryUrl()).isEqualTo("http://localhost:8081");
    }

    @Test
    void shortAndLongOptions_setBothAddresses() {
        Probe probe = new Probe();

        new CommandLine(probe).parseArgs("-b", "kafka:9093", "--schema-registry-url", "https://registry:8443");

        assertThat(probe.connection.bootstrapServers()).isEqualTo("kafka:9093");
        assertThat(probe.connection.registryUrl()).isEqualTo("https://registry:8443");
    }

    @Test
    void execute_returnsTheCommandsExitCode_andKeepsAGivenLogConfiguration() {
        String before = System.getProperty(Launcher.LOG_CONFIGURATION_PROPERTY);
        System.setProperty(Launcher.LOG_CONFIGURATION_PROPERTY, "given.xml");
        try {
            assertThat(Launcher.execute("ours.xml", new Probe(), new String[0])).isZero();
            assertThat(System.getProperty(Launcher.LOG_CONFIGURATION_PROPERTY)).isEqualTo("given.xml");
        } finally {
            if (before == null) {
                System.clearProperty(Launcher.LOG_CONFIGURATION_PROPERTY);
            } else {
                System.setProperty(Launcher.LOG_CONFIGURATION_PROPERTY, before);
            }
        }
    }
}
