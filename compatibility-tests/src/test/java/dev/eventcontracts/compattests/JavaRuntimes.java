package dev.eventcontracts.compattests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given feature version, for a server that needs a newer Java than the build
 * (Apicurio Registry 3 needs 21). Nothing is hard-coded: it looks at {@code -Dinterop.java.home}, then the JVM
 * running the tests, then every JDK installed beside it (the directory holding {@code java.home}, where Debian
 * and the Temurin packages put their JDKs), and reads each one's {@code release} file.
 */
final class JavaRuntimes {

    /** A runtime found: its {@code bin/java} and the version its {@code release} file gives. */
    record Runtime(Path java, String version) {}

    /** What a search found, and where it looked (for the skip reason when nothing fits). */
    record Search(Optional<Runtime> found, List<String> lookedAt) {}

    private JavaRuntimes() {}

    /**
     * Finds the newest runtime of at least {@code feature}.
     *
     * @param feature the lowest Java feature version that fits, e.g. 21
     */
    static Search find(int feature) {
        return find(
                feature,
                System.getProperty("interop.java.home", ""),
                Paths.get(System.getProperty("java.home")).toAbsolutePath());
    }

    /**
     * Finds the newest runtime of at least {@code feature} among {@code configured}, {@code current} and the
     * directories beside {@code current}.
     *
     * @param configured a Java home to look at first; blank (or an unresolved {@code ${...}}) for none
     * @param current the home of the running JVM
     */
    static Search find(int feature, String configured, Path current) {
        List<Path> candidates = new ArrayList<>();
        if (!configured.isBlank() && !configured.trim().startsWith("${")) {
            candidates.add(Paths.get(configured.trim()));
        }
        candidates.add(current);
        Path installed = current.getParent();
        if (installed != null && Files.isDirectory(installed)) {
            try (Stream<Path> siblings = Files.list(installed)) {
                siblings.filter(Files::isDirectory).sorted().forEach(candidates::add);
            } catch (IOException e) {
                // an unreadable directory holds no runtime we could start either
            }
        }
        List<String> lookedAt = new ArrayList<>();
        Optional<Runtime> found = candidates.stream()
                .distinct()
                .flatMap(home -> describe(home, lookedAt).stream())
                .filter(r -> feature(r.version()) >= feature)
                .max(Comparator.comparingInt(r -> feature(r.version())));
        return new Search(found, lookedAt);
    }

    private static Optional<Runtime> describe(Path home, List<String> lookedAt) {
        Path java = home.resolve("bin").resolve("java");
        Path release = home.resolve("release");
        if (!Files.isExecutable(java) || !Files.isReadable(release)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            props.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
        lookedAt.add(home + " (Java " + version + ")");
        return version.isEmpty() ? Optional.empty() : Optional.of(new Runtime(java, version));
    }

    /** The feature number of a version string: {@code 25.0.3} is 25, {@code 1.8.0_402} is 8. */
    static int feature(String version) {
        String[] parts = version.split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
