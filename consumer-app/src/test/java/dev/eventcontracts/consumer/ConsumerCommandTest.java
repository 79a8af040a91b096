package dev.eventcontracts.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConsumerCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ConsumerCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void help_listsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "--bootstrap-servers",
                        "--schema-registry-url",
                        "--group-id",
                        "--jdbc-url",
                        "--contract-version",
                        "--metrics-port",
                        "WRITE_DELAY=0");
    }

    @Test
    void contractVersion_notReleased_failsBeforeConnecting() {
        assertThat(run("--contract-version", "9", "--metrics-port", "-1")).isEqualTo(1);
        assertThat(err.toString()).contains("contract version 9 is not released; released are 1..2");
    }
}
