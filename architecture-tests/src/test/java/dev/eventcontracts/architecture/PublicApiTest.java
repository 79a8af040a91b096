package dev.eventcontracts.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public API of every jar services import equals its committed baseline, {@code <module>/public-api.txt}: a
 * removed or changed public type or member fails the build, and so does an added one until the baseline records it.
 * After a deliberate API change, regenerate the baselines with {@code mvn verify -Dapi.update=true} (run from the
 * root, or {@code -pl architecture-tests -am}) and commit them with the change: the diff shows what the change does
 * to users.
 */
class PublicApiTest {

    private static final boolean UPDATE = Boolean.getBoolean("api.update");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"contracts-core", "contracts-lib", "registry-client", "avro-serde"})
    void publicApi_equalsTheCommittedBaseline(String module) throws IOException {
        Path dir = Modules.ROOT.resolve(module);
        Path baseline = dir.resolve("public-api.txt");
        List<String> current = PublicApi.of(dir.resolve("target/classes"));
        if (UPDATE) {
            Files.write(baseline, current, StandardCharsets.UTF_8);
        }

        List<String> committed =
                Files.exists(baseline) ? Files.readAllLines(baseline, StandardCharsets.UTF_8) : List.of();
        List<String> removed = new ArrayList<>(committed);
        removed.removeAll(current);
        List<String> added = new ArrayList<>(current);
        added.removeAll(committed);

        assertThat(removed)
                .as(
                        "%s: public API removed or changed against %s (an incompatible change for every "
                                + "service that imports the jar; if it is deliberate, run mvn verify -Dapi.update=true and commit "
                                + "the baseline)",
                        module, baseline)
                .isEmpty();
        assertThat(added)
                .as(
                        "%s: public API added but not in %s (run mvn verify -Dapi.update=true and commit the "
                                + "baseline)",
                        module, baseline)
                .isEmpty();
    }
}
