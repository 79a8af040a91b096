package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** contracts:catalog on copies of this repository's contracts. */
class CatalogMojoTest {

    private static CatalogMojo catalog(Path project) {
        CatalogMojo mojo = new CatalogMojo();
        mojo.basedir = project.toFile();
        mojo.outputDirectory = project.resolve("target/contracts-catalog").toFile();
        mojo.title = "order contracts";
        mojo.version = "1.0";
        return mojo;
    }

    @Test
    void catalog_repositoryContracts_writesOnePageWithTheHistoryOfEveryRelease(@TempDir Path dir) throws Exception {
        GateFixtures.copyOfRepositorySchemas(dir);

        catalog(dir).execute();

        String html = Files.readString(dir.resolve("target/contracts-catalog/index.html"));
        assertThat(html)
                .contains("<title>order contracts 1.0 · contract catalog</title>")
                .contains("id=\"topic-order-events\"")
                .contains("releases v1, v2");
    }

    @Test
    void catalog_baselineDirectoryElsewhere_readsTheHistoryFromThere(@TempDir Path dir) throws Exception {
        Path schemas = GateFixtures.copyOfRepositorySchemas(dir);
        Files.move(schemas.resolve("released"), dir.resolve("history"));
        CatalogMojo mojo = catalog(dir);
        mojo.baselineDirectory = dir.resolve("history").toFile();

        mojo.execute();

        assertThat(Files.readString(dir.resolve("target/contracts-catalog/index.html")))
                .contains("releases v1, v2");
    }

    @Test
    void catalog_noDescriptor_failsNamingItAndTheFix(@TempDir Path dir) {
        assertThatThrownBy(() -> catalog(dir).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(dir.resolve("schemas/topics.json").toString())
                .hasMessageContaining("contracts:init");
    }
}
