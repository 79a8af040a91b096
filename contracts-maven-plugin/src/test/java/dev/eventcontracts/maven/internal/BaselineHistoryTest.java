package dev.eventcontracts.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselineHistoryTest {

    @Test
    void history_typeChangedInRelease2_hasTwoVersionsLabelledByRelease() throws Exception {
        BaselineHistory baseline = BaselineHistory.read(RepoSchemas.RELEASED);

        SubjectHistory created = baseline.history(RepoSchemas.NS + "OrderCreated");

        assertThat(created.versions()).hasSize(2);
        assertThat(created.describe(1)).isEqualTo("version 1 (released v1)");
        assertThat(created.describe(2)).isEqualTo("version 2 (released v2)");
        assertThat(created.versions().get(1).schema().rawSchema().getField("shippingAddress"))
                .isNotNull();
    }

    @Test
    void history_typeUnchangedAcrossReleases_hasOneVersionAsTheRegistryWould() throws Exception {
        BaselineHistory baseline = BaselineHistory.read(RepoSchemas.RELEASED);

        assertThat(baseline.history(RepoSchemas.NS + "Money").versions()).hasSize(1);
    }

    @Test
    void history_typeAddedInRelease2_startsThere() throws Exception {
        SubjectHistory address = BaselineHistory.read(RepoSchemas.RELEASED).history(RepoSchemas.NS + "Address");

        assertThat(address.versions()).hasSize(1);
        assertThat(address.describe(1)).contains("released v2");
    }

    @Test
    void history_unknownSubject_isEmpty() throws Exception {
        assertThat(BaselineHistory.read(RepoSchemas.RELEASED).history("nope").versions())
                .isEmpty();
    }
}
