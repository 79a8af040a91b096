package dev.eventcontracts.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DevStackCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new DevStackCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void help_listsPortAndDataDirWithTheirDefaults() {
        int exitCode = run("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("--port=PORT", "default: 9092", "--data-dir=DIR", "default: target/dev-stack");
    }

    @Test
    void portOutOfRange_failsBeforeStartingAnything() {
        int exitCode = run("--port", "70000");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535, was 70000");
        assertThat(out.toString()).isEmpty();
    }
}
