package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** contracts:release on copies of this repository's contracts. */
class ReleaseMojoTest {

    private static final Path RELEASED = GateFixtures.SCHEMAS.resolve("released");
    private static final String NS = "dev.eventcontracts.orders.";

    /** Collects what the goal logs at info level. */
    private static final class InfoLines extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }
    }

    private static ReleaseMojo release(Path project, InfoLines log) {
        ReleaseMojo mojo = new ReleaseMojo();
        mojo.basedir = project.toFile();
        mojo.setLog(log);
        return mojo;
    }

    /** A project whose schemas/ holds the contracts of a release folder (or of schemas/avro) and no history. */
    private static Path projectWithSourcesOf(Path dir, Path avsc, Path descriptor) throws IOException {
        Path avro = Files.createDirectories(dir.resolve("schemas/avro"));
        try (Stream<Path> old = Files.list(avro)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        try (Stream<Path> files = Files.list(avsc)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
                Files.copy(f, avro.resolve(f.getFileName().toString()));
            }
        }
        Files.copy(descriptor, dir.resolve("schemas/topics.json"), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    @Test
    void release_v1ThenV2FromTheirSources_reproducesTheRepositoryHistoryExactly(@TempDir Path dir) throws Exception {
        Path v1 = RELEASED.resolve("v1");
        Path project = projectWithSourcesOf(dir, v1, v1.resolve("topics.json"));
        release(project, new InfoLines()).execute();
        projectWithSourcesOf(dir, GateFixtures.SCHEMAS.resolve("avro"), GateFixtures.SCHEMAS.resolve("topics.json"));
        release(project, new InfoLines()).execute();

        Path written = project.resolve("schemas/released");
        assertThat(files(written)).isEqualTo(files(RELEASED)).hasSize(17);
        for (String file : files(RELEASED)) {
            assertThat(written.resolve(file)).as(file).hasSameBinaryContentAs(RELEASED.resolve(file));
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void release_compatibleChange_printsWhatTheReleaseAdds(@TempDir Path dir) throws Exception {
        Path v1 = RELEASED.resolve("v1");
        Path project = projectWithSourcesOf(dir, v1, v1.resolve("topics.json"));
        release(project, new InfoLines()).execute();
        projectWithSourcesOf(dir, RELEASED.resolve("v2"), RELEASED.resolve("v2/topics.json"));
        InfoLines log = new InfoLines();

        release(project, log).execute();

        assertThat(log.lines)
                .contains(
                        "What v2 changes against v1:",
                        "  new type " + NS + "Address: record",
                        "  new field " + NS + "OrderCreated.shippingAddress: union of null, Address; default null",
                        "  new symbol " + NS + "OrderStatus.RETURNED")
                .anyMatch(l -> l.startsWith("Released v2 into ") && l.contains("Money.avsc, LineItem.avsc"));
    }

    @Test
    void release_nothingChanged_failsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path v2 = RELEASED.resolve("v2");
        Path project = projectWithSourcesOf(dir, v2, v2.resolve("topics.json"));
        release(project, new InfoLines()).execute();

        assertThatThrownBy(() -> release(project, new InfoLines()).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Nothing to release")
                .hasMessageContaining("release v1");
        assertThat(project.resolve("schemas/released/v2")).doesNotExist();
    }

    @Test
    void release_breakingChange_failsNamingTheFieldAndWritesNothing(@TempDir Path dir) throws Exception {
        Path v2 = RELEASED.resolve("v2");
        Path project = projectWithSourcesOf(dir, v2, v2.resolve("topics.json"));
        release(project, new InfoLines()).execute();
        GateFixtures.edit(project.resolve("schemas/avro/Money.avsc"), "\"scale\": 2", "\"scale\": 3");

        assertThatThrownBy(() -> release(project, new InfoLines()).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("DECIMAL_SCALE_CHANGED against version 1 (released v1)")
                .hasMessageContaining("field 'amount'")
                .hasMessageContaining("Nothing was released");
        assertThat(project.resolve("schemas/released/v2")).doesNotExist();
    }

    @Test
    void release_noDescriptor_failsNamingItAndTheFix(@TempDir Path dir) {
        assertThatThrownBy(() -> release(dir, new InfoLines()).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(dir.resolve("schemas/topics.json").toString())
                .hasMessageContaining("contracts:init");
    }
}
