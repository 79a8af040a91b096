package dev.eventcontracts.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The repository's modules as the build compiled them: each module's {@code target/classes} (main) and
 * {@code target/test-classes}, imported for ArchUnit, and a way to tell which module a class comes from.
 */
final class Modules {

    /** The repository root: the parent of this module. */
    static final Path ROOT = Paths.get("").toAbsolutePath().getParent();

    private static final String SELF = "architecture-tests";

    private Modules() {}

    /** Every module directory with compiled main classes, except this one. */
    static List<Path> moduleDirectories() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("target/classes")))
                    .filter(d -> !d.getFileName().toString().equals(SELF))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The main classes of every module. */
    static JavaClasses mainClasses() {
        return importing("classes");
    }

    /** The main and test classes of every module. */
    static JavaClasses allClasses() {
        List<Path> locations = new ArrayList<>();
        for (Path module : moduleDirectories()) {
            locations.add(module.resolve("target/classes"));
            if (Files.isDirectory(module.resolve("target/test-classes"))) {
                locations.add(module.resolve("target/test-classes"));
            }
        }
        return new ClassFileImporter().importPaths(locations);
    }

    private static JavaClasses importing(String folder) {
        return new ClassFileImporter()
                .importPaths(moduleDirectories().stream()
                        .map(m -> m.resolve("target").resolve(folder))
                        .toList());
    }

    /** The module a class was compiled in, e.g. {@code contracts-core}; empty for a class of a library or the JDK. */
    static Optional<String> moduleOf(JavaClass type) {
        return type.getSource().map(source -> moduleOf(source.getUri()));
    }

    private static String moduleOf(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            return null;
        }
        Path path = Paths.get(uri).toAbsolutePath();
        if (!path.startsWith(ROOT)) {
            return null;
        }
        Path relative = ROOT.relativize(path);
        return relative.getNameCount() > 2 && relative.getName(1).toString().equals("target")
                ? relative.getName(0).toString()
                : null;
    }
}
