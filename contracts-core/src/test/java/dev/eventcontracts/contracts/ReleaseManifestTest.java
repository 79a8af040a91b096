package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseManifestTest {

    @Test
    void toJson_writesTheRepositoryFormat() throws Exception {
        ReleaseManifest manifest = ReleaseManifest.parse(
                "v1", Files.readString(RepoSchemas.RELEASED.resolve("v1").resolve(ReleasedContracts.MANIFEST)));

        assertThat(manifest.toJson())
                .isEqualTo(Files.readString(RepoSchemas.RELEASED.resolve("v1").resolve(ReleasedContracts.MANIFEST)));
    }

    @Test
    void parse_ofToJson_isTheSameManifest() {
        ReleaseManifest manifest = new ReleaseManifest(3, List.of("A \"quoted\".avsc", "B.avsc"));

        assertThat(ReleaseManifest.parse("here", manifest.toJson())).isEqualTo(manifest);
    }

    @Test
    void parse_withoutSchemas_failsNamingTheLocation() {
        assertThatThrownBy(() -> ReleaseManifest.parse("released/v7/release.json", "{\"release\": 7}"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("released/v7/release.json")
                .hasMessageContaining("'schemas'");
    }

    @Test
    void parse_releaseNotANumber_failsNamingTheLocation() {
        assertThatThrownBy(() -> ReleaseManifest.parse("m.json", "{\"release\": \"x\", \"schemas\": []}"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("m.json has no 'release' number");
    }
}
