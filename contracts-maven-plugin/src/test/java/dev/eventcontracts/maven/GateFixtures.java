package dev.eventcontracts.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the repository's contracts that a test may change. */
final class GateFixtures {

    static final Path SCHEMAS = Paths.get("").toAbsolutePath().getParent().resolve("schemas");

    private GateFixtures() {}

    /** Copies {@code schemas/} (current, released, descriptor) into a directory and returns the copy. */
    static Path copyOfRepositorySchemas(Path dir) throws IOException {
        Path target = dir.resolve("schemas");
        try (Stream<Path> files = Files.walk(SCHEMAS)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(SCHEMAS.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** Replaces text in a file, failing when the text is not there. */
    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }
}
