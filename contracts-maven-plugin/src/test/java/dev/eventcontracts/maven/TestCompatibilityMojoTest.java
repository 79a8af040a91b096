package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCompatibilityMojoTest {

    private static final File DESCRIPTOR = Paths.get("")
            .toAbsolutePath()
            .getParent()
            .resolve("schemas/topics.json")
            .toFile();

    private static TestCompatibilityMojo mojo(FakeRegistry registry, Path reports) {
        TestCompatibilityMojo mojo = new TestCompatibilityMojo();
        mojo.topicContracts = DESCRIPTOR;
        mojo.schemaRegistryUrls = List.of("http://user:secret@localhost:8081");
        mojo.registryOpener = (props, headers) -> registry;
        mojo.reportsDirectory = reports.toFile();
        return mojo;
    }

    @Test
    void testCompatibility_subjectsNotRegisteredYet_passAndReportThemAsNew(@TempDir Path reports) throws Exception {
        mojo(new FakeRegistry(), reports).execute();

        String json = Files.readString(reports.resolve("compatibility-report.json"));
        assertThat(json).contains("\"status\" : \"NEW_SUBJECT\"").doesNotContain("FAILED");
    }

    @Test
    void testCompatibility_unreachableRegistry_failsNamingTheUrlWithoutCredentials(@TempDir Path reports) {
        assertThatThrownBy(() -> mojo(FakeRegistry.unreachable(), reports).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining("http://localhost:8081")
                .hasMessageNotContaining("secret");
    }

    @Test
    void testCompatibility_noRegistryAndNoBaseline_failsSayingWhatToConfigure(@TempDir Path dir) throws Exception {
        Path descriptor = dir.resolve("topics.json");
        Files.copy(DESCRIPTOR.toPath(), descriptor);
        TestCompatibilityMojo mojo = mojo(new FakeRegistry(), dir);
        mojo.schemaRegistryUrls = List.of();
        mojo.topicContracts = descriptor.toFile();
        mojo.schemaDirectory = DESCRIPTOR.toPath().resolveSibling("avro").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("schemaRegistryUrls")
                .hasMessageContaining("baselineDirectory");
    }

    @Test
    void testCompatibility_unresolvedUrlProperty_countsAsNoRegistry() {
        TestCompatibilityMojo mojo = new TestCompatibilityMojo();
        mojo.schemaRegistryUrls = List.of("${schema.registry.url}", " ");

        assertThat(mojo.registryUrls()).isEmpty();
    }
}
