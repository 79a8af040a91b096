package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the promise that {@code schemas/topics.json} is the only place where topic names, subjects and the
 * value subject's level are written: no main code, build file, script or configuration in the repository repeats
 * them. Tests, documentation and the frozen release history may quote them.
 */
class DescriptorDeclaredOnceTest {

    private static final Set<String> SKIPPED_DIRS =
            Set.of(".git", "target", "test", "it", "docs", "schemas", "node_modules", ".idea");

    @Test
    void noMainCodeBuildFileOrScript_repeatsTopicOrSubjectNames() throws IOException {
        Path root = Paths.get("").toAbsolutePath().getParent();
        assertThat(root.resolve("schemas/topics.json")).exists();
        List<String> names = new ArrayList<>();
        for (TopicContract topic : TopicContracts.load().topics()) {
            names.addAll(List.of(
                    "\"" + topic.name() + "\"",
                    topic.value().subject(),
                    topic.key().subject(),
                    topic.deadLetterTopic()));
        }

        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> root.relativize(f).getNameCount() == 1 || notUnderSkippedDir(root.relativize(f)))
                    .filter(DescriptorDeclaredOnceTest::isCodeOrConfig)
                    .forEach(f -> names.stream()
                            .filter(n -> contains(f, n))
                            .forEach(n -> offenders.add(root.relativize(f) + " writes " + n)));
        }

        assertThat(offenders)
                .as("read names from TopicContracts (schemas/topics.json) instead")
                .isEmpty();
    }

    private static boolean notUnderSkippedDir(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (SKIPPED_DIRS.contains(relative.getName(i).toString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCodeOrConfig(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java")
                || name.endsWith(".xml")
                || name.endsWith(".properties")
                || name.endsWith(".sh")
                || name.endsWith(".yml")
                || name.endsWith(".yaml")
                || name.equals("run");
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
