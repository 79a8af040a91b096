package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline gate: test-compatibility without a registry checks against the released baseline. */
class OfflineGateTest {

    private static TestCompatibilityMojo offline(Path schemas, Path reports) {
        TestCompatibilityMojo mojo = new TestCompatibilityMojo();
        mojo.topicContracts = schemas.resolve("topics.json").toFile();
        mojo.reportsDirectory = reports.toFile();
        return mojo;
    }

    @Test
    void testCompatibility_repositoryContracts_passAgainstTheReleasedBaseline(@TempDir Path reports) throws Exception {
        offline(GateFixtures.SCHEMAS, reports).execute();

        assertThat(Files.readString(reports.resolve("compatibility-report.json")))
                .contains("\"compatible\" : true");
    }

    @Test
    void testCompatibility_decimalScaleChanged_failsWithSubjectVersionFieldRuleAndFix(@TempDir Path dir)
            throws Exception {
        Path schemas = GateFixtures.copyOfRepositorySchemas(dir);
        GateFixtures.edit(schemas.resolve("avro/Money.avsc"), "\"scale\": 2", "\"scale\": 3");

        assertThatThrownBy(() -> offline(schemas, dir.resolve("reports")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("subject 'dev.eventcontracts.orders.Money' (FULL_TRANSITIVE")
                .hasMessageContaining("DECIMAL_SCALE_CHANGED against version 1 (released v1)")
                .hasMessageContaining("field 'amount' (path Money.amount")
                .hasMessageContaining("fix: ");
        assertThat(Files.readString(dir.resolve("reports/TEST-contracts-compatibility.xml")))
                .contains("<failure type=\"DECIMAL_SCALE_CHANGED\"");
    }

    @Test
    void testCompatibility_transitiveLevel_checksEveryReleasedVersion(@TempDir Path dir) throws Exception {
        Path schemas = GateFixtures.copyOfRepositorySchemas(dir);
        // v2 added RETURNED; removing CREATED breaks v1 and v2 alike, so both versions are named
        GateFixtures.edit(schemas.resolve("avro/OrderStatus.avsc"), "\"CREATED\",", "");

        assertThatThrownBy(() -> offline(schemas, dir.resolve("reports")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("against version 1 (released v1)")
                .hasMessageContaining("against version 2 (released v2)");
    }
}
