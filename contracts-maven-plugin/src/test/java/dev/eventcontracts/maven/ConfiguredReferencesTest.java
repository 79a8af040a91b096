package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.maven.internal.GateException;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.junit.jupiter.api.Test;

/** {@code <references>} in Confluent's shape, as Maven hands it over. */
class ConfiguredReferencesTest {

    private static DefaultPlexusConfiguration reference(String name, String subject, String version) {
        DefaultPlexusConfiguration ref = new DefaultPlexusConfiguration("reference");
        ref.addChild("name", name);
        ref.addChild("subject", subject);
        if (version != null) {
            ref.addChild("version", version);
        }
        return ref;
    }

    private static TestCompatibilityMojo mojoWith(DefaultPlexusConfiguration... perSubject) {
        DefaultPlexusConfiguration refs = new DefaultPlexusConfiguration("references");
        for (DefaultPlexusConfiguration s : perSubject) {
            refs.addChild(s);
        }
        TestCompatibilityMojo mojo = new TestCompatibilityMojo();
        mojo.references = refs;
        return mojo;
    }

    @Test
    void configuredReferences_listsPerSubject_keepOrderAndOptionalVersion() throws Exception {
        DefaultPlexusConfiguration value = new DefaultPlexusConfiguration("orders-value");
        value.addChild(reference("x.Money", "x.Money", "2"));
        value.addChild(reference("x.Item", "x.Item", null));

        Map<String, List<Reference>> refs = mojoWith(value).configuredReferences();

        assertThat(refs.get("orders-value"))
                .extracting(Reference::getName, Reference::getSubject, Reference::getVersion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("x.Money", "x.Money", 2),
                        org.assertj.core.groups.Tuple.tuple("x.Item", "x.Item", null));
    }

    @Test
    void configuredReferences_versionNotANumber_failsNamingSubjectAndValue() {
        DefaultPlexusConfiguration value = new DefaultPlexusConfiguration("orders-value");
        value.addChild(reference("x.Money", "x.Money", "latest"));

        assertThatThrownBy(() -> mojoWith(value).configuredReferences())
                .isInstanceOf(GateException.class)
                .hasMessageContaining("'orders-value'")
                .hasMessageContaining("'latest'");
    }
}
