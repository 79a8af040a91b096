package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.schema.AvroSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test-compatibility against a registry, configured the Confluent way with {@code <subjects>}. */
class RegistryGateTest {

    private static final String V1 = """
            {"type":"record","name":"R","namespace":"x","fields":[{"name":"a","type":"int"}]}""";
    private static final String V2 = """
            {"type":"record","name":"R","namespace":"x","fields":[{"name":"a","type":"int"},
             {"name":"b","type":"string","default":"x"}]}""";
    private static final String CANDIDATE = """
            {"type":"record","name":"R","namespace":"x","fields":[{"name":"a","type":"int"},
             {"name":"b","type":"string"}]}""";

    private static FakeRegistry registryAt(CompatibilityLevel level) {
        FakeRegistry registry = new FakeRegistry();
        registry.register("s", AvroSchema.parse(V1), false);
        registry.register("s", AvroSchema.parse(V2), false);
        registry.levels.put("s", level);
        return registry;
    }

    private static TestCompatibilityMojo mojo(FakeRegistry registry, Path dir) throws Exception {
        Path file = dir.resolve("R.avsc");
        Files.writeString(file, CANDIDATE);
        TestCompatibilityMojo mojo = new TestCompatibilityMojo();
        mojo.subjects = Map.of("s", file.toFile());
        mojo.schemaRegistryUrls = List.of("http://localhost:8081");
        mojo.registryOpener = (props, headers) -> registry;
        mojo.reportsDirectory = dir.resolve("reports").toFile();
        return mojo;
    }

    @Test
    void testCompatibility_transitiveLevel_failsAgainstAnOlderVersionThanTheLatest(@TempDir Path dir) {
        assertThatThrownBy(() -> mojo(registryAt(CompatibilityLevel.FULL_TRANSITIVE), dir)
                        .execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("subject 's' (FULL_TRANSITIVE")
                .hasMessageContaining("FIELD_ADDED_WITHOUT_DEFAULT against version 1 (id 1)")
                .hasMessageContaining("field 'b'");
    }

    @Test
    void testCompatibility_nonTransitiveLevel_checksOnlyTheLatestVersion(@TempDir Path dir) throws Exception {
        mojo(registryAt(CompatibilityLevel.FULL), dir).execute();

        assertThat(Files.readString(dir.resolve("reports/compatibility-report.json")))
                .contains("\"status\" : \"PASSED\"", "version 2 (id 2)")
                .doesNotContain("version 1 (id 1)");
    }

    @Test
    void testCompatibility_configuredLevelDiffersFromRegistry_checksAtTheRegistrysLevel(@TempDir Path dir) {
        assertThatThrownBy(() -> {
                    TestCompatibilityMojo mojo = mojo(registryAt(CompatibilityLevel.FULL_TRANSITIVE), dir);
                    mojo.compatibilityLevels = Map.of("s", "FULL");
                    mojo.execute();
                })
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("(FULL_TRANSITIVE");
    }
}
