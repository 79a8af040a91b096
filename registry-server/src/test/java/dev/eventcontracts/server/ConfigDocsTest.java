package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    @Test
    void readme_holdsTheSettingsTableGeneratedFromTheDeclaration() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme)
                .as("registry-server/README.md is stale: paste the output of ConfigDocs (see its Javadoc)")
                .contains(ConfigDocs.markdown());
    }

    @Test
    void table_listsEveryKeyOnce() {
        String table = ConfigDocs.markdown();

        for (String key : RegistryServerConfig.definition().names()) {
            assertThat(table).containsOnlyOnce("| `" + key + "` |");
        }
    }
}
