package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseHistoryTest {

    @Test
    void subject_typeChangedInRelease2_hasTwoVersionsLabelledByRelease() {
        ReleaseHistory.SubjectVersions created =
                ReleaseHistory.read(RepoSchemas.RELEASED).subject(RepoSchemas.NS + "OrderCreated");

        assertThat(created.versions()).hasSize(2);
        assertThat(created.labels()).containsEntry(1, "released v1").containsEntry(2, "released v2");
        assertThat(created.versions().get(1).schema().rawSchema().getField("shippingAddress"))
                .isNotNull();
    }

    @Test
    void subject_typeUnchangedAcrossReleases_hasOneVersionAsTheRegistryWould() {
        assertThat(ReleaseHistory.read(RepoSchemas.RELEASED)
                        .subject(RepoSchemas.NS + "Money")
                        .versions())
                .hasSize(1);
    }

    @Test
    void subject_typeAddedInRelease2_startsThere() {
        ReleaseHistory.SubjectVersions address =
                ReleaseHistory.read(RepoSchemas.RELEASED).subject(RepoSchemas.NS + "Address");

        assertThat(address.versions()).hasSize(1);
        assertThat(address.labels().get(1)).isEqualTo("released v2");
    }

    @Test
    void subject_unknown_isEmpty() {
        assertThat(ReleaseHistory.read(RepoSchemas.RELEASED).subject("nope").versions())
                .isEmpty();
    }

    @Test
    void releases_areOrderedByTheirNumber() {
        assertThat(ReleaseHistory.read(RepoSchemas.RELEASED).releases())
                .extracting(ReleasedContracts::version)
                .containsExactly(1, 2);
    }

    @Test
    void read_notADirectory_failsNamingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("released"), "");

        assertThatThrownBy(() -> ReleaseHistory.read(file))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(file.toString());
    }
}
