package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Acceptance 6, in the build: the demo — its own Kafka and registry in this JVM, contracts v1 and v2
 * registered, both producers, poison records, the v2 and the v1 consumer — ends with every event in each read
 * model exactly once, and its summary says so. ({@code ./demo.sh} runs the same command after building.)
 */
@Tag("integration")
@Timeout(180)
class DemoCommandIT {

    @Test
    void demo_endToEnd_printsASummaryWhereEveryEventLandedExactlyOnce(@TempDir Path workDir) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new DemoCommand());
        command.setOut(new PrintWriter(out, true));

        int exit = command.execute("--events-per-version", "400", "--work-dir", workDir.toString());

        String summary = out.toString();
        assertThat(exit).as(summary).isZero();
        assertThat(summary)
                .contains("[register] contract v1: 8 subjects, 8 new versions")
                .contains("[register] contract v2: 9 subjects, 5 new versions")
                .contains("[produce]  contract v1: 400 events acknowledged")
                .contains("[produce]  contract v2: 400 events acknowledged")
                .contains("[poison]   4 records")
                .contains("group order-processing-service (contract v2): 804 of 804 records handled: 800 applied")
                .contains("group order-processing-service-v1 (contract v1): 804 of 804 records handled: 800 applied")
                .contains("800 events applied, sum of per-order event counts 800 = events produced: exactly once")
                .contains("{INVALID_EVENT=1, UNDECODABLE=1, UNKNOWN_MAGIC_BYTE=1, UNKNOWN_SCHEMA_ID=1}")
                .contains("order-events-value [1, 2]")
                .contains("every event is in each read model exactly once");
    }
}
