package dev.eventcontracts.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProducerCommandTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ProducerCommand());
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(out, true));
        return command.execute(args);
    }

    @Test
    void help_listsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("--count", "--rate", "--contract-version", "--bootstrap-servers", "--schema-registry-url");
    }

    @Test
    void contractVersion_notReleased_isRejectedBeforeConnecting() {
        assertThat(run("--contract-version", "9", "--bootstrap-servers", "unused:1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--contract-version 9 is not released; released versions are 1..2");
    }

    @Test
    void count_negative_isRejected() {
        assertThat(run("--count", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--count must not be negative");
    }
}
