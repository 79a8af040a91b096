package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterMojoTest {

    private static final File DESCRIPTOR = Paths.get("")
            .toAbsolutePath()
            .getParent()
            .resolve("schemas/topics.json")
            .toFile();
    private static final String NS = "dev.eventcontracts.orders.";

    private static RegisterMojo mojo(FakeRegistry registry) {
        RegisterMojo mojo = new RegisterMojo();
        mojo.topicContracts = DESCRIPTOR;
        mojo.schemaRegistryUrls = List.of("http://localhost:8081");
        mojo.registryOpener = (props, headers) -> registry;
        return mojo;
    }

    @Test
    void register_descriptor_registersReferencedSubjectsBeforeTheSubjectsThatUseThem() throws Exception {
        FakeRegistry registry = new FakeRegistry();

        mojo(registry).execute();

        List<String> order =
                registry.writes.stream().filter(w -> w.startsWith("register")).toList();
        assertThat(order).hasSize(9);
        assertThat(order.indexOf("register " + NS + "Money v1"))
                .isLessThan(order.indexOf("register " + NS + "LineItem v1"));
        assertThat(order.indexOf("register " + NS + "OrderCreated v1")).isLessThan(order.size() - 1);
        assertThat(registry.subjects
                        .get(NS + "LineItem")
                        .get(0)
                        .schema()
                        .references()
                        .get(0)
                        .version())
                .isEqualTo(1);
    }

    @Test
    void register_twice_changesNothingTheSecondTime() throws Exception {
        FakeRegistry registry = new FakeRegistry();
        mojo(registry).execute();
        int writes = registry.writes.size();

        mojo(registry).execute();

        assertThat(registry.writes).hasSize(writes);
        assertThat(registry.subjects.values()).allSatisfy(v -> assertThat(v).hasSize(1));
    }

    @Test
    void register_descriptorLevels_areSetOnTheSubjects() throws Exception {
        FakeRegistry registry = new FakeRegistry();

        mojo(registry).execute();

        assertThat(registry.levels.get(NS + "Money")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void register_levelNoneOnARegistryReadingAnUnsetLevelAsNone_setsNoneOnTheSubject(@TempDir Path dir)
            throws Exception {
        FakeRegistry registry = new FakeRegistry();
        registry.unsetSubjectLevel = CompatibilityLevel.NONE;
        Path schema = Files.writeString(dir.resolve("Event.avsc"), "\"string\"");
        RegisterMojo mojo = mojo(registry);
        mojo.subjects = Map.of("events-value", schema.toFile());
        mojo.compatibilityLevels = Map.of("events-value", "NONE");

        mojo.execute();

        assertThat(registry.levels).containsEntry("events-value", CompatibilityLevel.NONE);
        assertThat(registry.writes).startsWith("level events-value NONE");
    }

    @Test
    void register_dryRun_writesNothing() throws Exception {
        FakeRegistry registry = new FakeRegistry();
        RegisterMojo mojo = mojo(registry);
        mojo.dryRun = true;

        mojo.execute();

        assertThat(registry.writes).isEmpty();
    }

    @Test
    void register_unreachableRegistry_failsWithExecutionExceptionSayingSo() {
        assertThatThrownBy(() -> mojo(FakeRegistry.unreachable()).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining("http://localhost:8081");
    }

    @Test
    void register_skip_touchesNoRegistry() throws Exception {
        RegisterMojo mojo = mojo(FakeRegistry.unreachable());
        mojo.skip = true;

        mojo.execute();
    }
}
