package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.schema.AvroSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadMojoTest {

    private static FakeRegistry registry() {
        FakeRegistry registry = new FakeRegistry();
        registry.register(
                "orders-value", AvroSchema.parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}"), false);
        registry.register(
                "orders-value",
                AvroSchema.parse(
                        "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"f\",\"type\":\"int\",\"default\":0}]}"),
                false);
        registry.register("other-value", AvroSchema.parse("\"string\""), false);
        return registry;
    }

    private static DownloadMojo mojo(FakeRegistry registry, Path out) {
        DownloadMojo mojo = new DownloadMojo();
        mojo.schemaRegistryUrls = List.of("http://localhost:8081");
        mojo.registryOpener = (props, headers) -> registry;
        mojo.outputDirectory = out.toFile();
        return mojo;
    }

    @Test
    void download_matchingSubjects_writesTheLatestSchemaOfEach(@TempDir Path out) throws Exception {
        DownloadMojo mojo = mojo(registry(), out);
        mojo.subjectPatterns = List.of("orders-.*");

        mojo.execute();

        assertThat(out.resolve("orders-value.avsc")).exists();
        assertThat(Files.readString(out.resolve("orders-value.avsc"))).contains("\"f\"");
        assertThat(out.resolve("other-value.avsc")).doesNotExist();
    }

    @Test
    void download_versionForPattern_writesThatVersion(@TempDir Path out) throws Exception {
        DownloadMojo mojo = mojo(registry(), out);
        mojo.subjectPatterns = List.of("orders-.*");
        mojo.versions = List.of("1");
        mojo.schemaExtension = ".json";

        mojo.execute();

        assertThat(Files.readString(out.resolve("orders-value.json"))).doesNotContain("\"f\"");
    }

    @Test
    void download_invalidPattern_failsNamingIt(@TempDir Path out) {
        DownloadMojo mojo = mojo(registry(), out);
        mojo.subjectPatterns = List.of("([");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'(['");
    }
}
