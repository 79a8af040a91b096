package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.eventcontracts.maven.internal.catalog.AsyncApiSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** contracts:asyncapi on copies of this repository's contracts. */
class AsyncApiMojoTest {

    private static AsyncApiMojo asyncapi(Path project, MavenProject maven) {
        AsyncApiMojo mojo = new AsyncApiMojo();
        mojo.basedir = project.toFile();
        mojo.outputDirectory = project.resolve("target/contracts-asyncapi").toFile();
        mojo.title = "order contracts";
        mojo.version = "1.0";
        mojo.project = maven;
        return mojo;
    }

    @Test
    void asyncapi_repositoryContracts_writesAValidDocumentAndAddsItToTheJarResources(@TempDir Path dir)
            throws Exception {
        GateFixtures.copyOfRepositorySchemas(dir);
        MavenProject maven = new MavenProject();

        asyncapi(dir, maven).execute();

        Path written = dir.resolve("target/contracts-asyncapi/asyncapi.yaml");
        JsonNode document = new YAMLMapper().readTree(written.toFile());
        assertThat(AsyncApiSchema.load().problems(document)).isEmpty();
        assertThat(document.at("/info/version").asText()).isEqualTo("1.0");
        assertThat(document.at("/channels/order-events/address").asText()).isEqualTo("order-events");
        Resource added = maven.getResources().get(0);
        assertThat(added.getTargetPath()).isEqualTo("eventcontracts");
        assertThat(added.getIncludes()).containsExactly("asyncapi.yaml");
        assertThat(Path.of(added.getDirectory()).resolve("asyncapi.yaml")).isEqualTo(written);
    }

    @Test
    void asyncapi_invalidAvroSchema_failsNamingTheFileAndWritesNothing(@TempDir Path dir) throws Exception {
        Path schemas = GateFixtures.copyOfRepositorySchemas(dir);
        GateFixtures.edit(schemas.resolve("avro/Money.avsc"), "\"name\": \"currency\"", "\"name\": \"cur-rency\"");

        assertThatThrownBy(() -> asyncapi(dir, new MavenProject()).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Money.avsc");
        assertThat(dir.resolve("target/contracts-asyncapi/asyncapi.yaml")).doesNotExist();
    }

    @Test
    void asyncapi_noDescriptor_failsNamingItAndTheFix(@TempDir Path dir) {
        assertThatThrownBy(() -> asyncapi(dir, new MavenProject()).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(dir.resolve("schemas/topics.json").toString())
                .hasMessageContaining("contracts:init");
    }

    @Test
    void asyncapi_skip_writesNothing(@TempDir Path dir) throws Exception {
        GateFixtures.copyOfRepositorySchemas(dir);
        AsyncApiMojo mojo = asyncapi(dir, new MavenProject());
        mojo.skip = true;

        mojo.execute();

        assertThat(Files.exists(dir.resolve("target/contracts-asyncapi"))).isFalse();
    }
}
