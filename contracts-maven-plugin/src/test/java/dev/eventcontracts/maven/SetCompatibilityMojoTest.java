package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class SetCompatibilityMojoTest {

    /** Collects what the goal logs at info and warn level. */
    private static final class Lines extends SystemStreamLog {
        final List<String> info = new ArrayList<>();
        final List<String> warn = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warn.add(content.toString());
        }
    }

    private static SetCompatibilityMojo mojo(FakeRegistry registry) {
        SetCompatibilityMojo mojo = new SetCompatibilityMojo();
        mojo.schemaRegistryUrls = List.of("http://localhost:8081");
        mojo.registryOpener = (props, headers) -> registry;
        return mojo;
    }

    /** Runs the goal deleting the level of subject {@code old-value}; returns what it logged. */
    private static Lines deleteLevelOfOldValue(FakeRegistry registry) throws Exception {
        Lines log = new Lines();
        SetCompatibilityMojo mojo = mojo(registry);
        mojo.setLog(log);
        mojo.compatibilityLevels = Map.of("old-value", "null");
        mojo.execute();
        return log;
    }

    @Test
    void setCompatibility_levelsPerSubjectAndGlobal_areSetAndNullDeletes() throws Exception {
        FakeRegistry registry = new FakeRegistry();
        registry.levels.put("old-value", CompatibilityLevel.NONE);
        SetCompatibilityMojo mojo = mojo(registry);
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("orders-value", "full_transitive");
        levels.put("__GLOBAL", "FORWARD");
        levels.put("old-value", "null");
        mojo.compatibilityLevels = levels;

        mojo.execute();

        assertThat(registry.levels)
                .containsEntry("orders-value", CompatibilityLevel.FULL_TRANSITIVE)
                .doesNotContainKey("old-value");
        assertThat(registry.global).isEqualTo(CompatibilityLevel.FORWARD);
    }

    @Test
    void setCompatibility_deletedLevel_saysTheGlobalLevelNowApplies() throws Exception {
        FakeRegistry registry = new FakeRegistry();
        registry.levels.put("old-value", CompatibilityLevel.FULL);

        Lines log = deleteLevelOfOldValue(registry);

        assertThat(log.info)
                .containsExactly("Deleted compatibility of subject 'old-value': the global level BACKWARD applies");
        assertThat(log.warn).isEmpty();
    }

    @Test
    void setCompatibility_registryKeepsTheDeletedLevelNone_warnsNamingTheLevelInForceAndTheFix() throws Exception {
        FakeRegistry registry = new FakeRegistry();
        registry.keepsNoneOnDelete = true;
        registry.levels.put("old-value", CompatibilityLevel.NONE);

        Lines log = deleteLevelOfOldValue(registry);

        assertThat(registry.writes).containsExactly("delete level old-value");
        assertThat(log.warn)
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("'old-value'", "still applies NONE", "global level BACKWARD", "set the level");
    }

    @Test
    void setCompatibility_noLevelsConfigured_appliesTheDescriptorsLevels() throws Exception {
        FakeRegistry registry = new FakeRegistry();
        SetCompatibilityMojo mojo = mojo(registry);
        mojo.topicContracts = Paths.get("")
                .toAbsolutePath()
                .getParent()
                .resolve("schemas/topics.json")
                .toFile();

        mojo.execute();

        assertThat(registry.levels)
                .containsEntry("dev.eventcontracts.orders.Money", CompatibilityLevel.FULL_TRANSITIVE)
                .hasSize(8);
    }

    @Test
    void setCompatibility_unknownLevel_failsNamingSubjectAndValue() {
        SetCompatibilityMojo mojo = mojo(new FakeRegistry());
        mojo.compatibilityLevels = Map.of("orders-value", "SOMETIMES");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'orders-value'")
                .hasMessageContaining("'SOMETIMES'");
    }
}
