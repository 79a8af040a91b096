package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class SetCompatibilityMojoTest {

    private static SetCompatibilityMojo mojo(FakeRegistry registry) {
        SetCompatibilityMojo mojo = new SetCompatibilityMojo();
        mojo.schemaRegistryUrls = List.of("http://localhost:8081");
        mojo.registryOpener = (props, headers) -> registry;
        return mojo;
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
