package dev.eventcontracts.compattests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * A fixture project under {@code src/it}, copied to {@code target/it-runs} and built by a real Maven run
 * (maven-invoker), offline against a local repository of its own ({@link #stageOwnArtifacts}).
 *
 * <p>Every fixture is {@code src/it/_base} (a payment contract with one released version) with the files of
 * {@code src/it/<case>} laid over it, so each case shows exactly the change it makes.
 */
final class FixtureBuild {

    private static final Path SOURCES = Paths.get("src", "it");
    private static final Path RUNS = Paths.get("target", "it-runs");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The outcome of one Maven run. */
    record Result(int exitCode, String output, Path project) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static final Object WARM_UP = new Object();
    private static volatile boolean warm;

    private final Path project;

    private FixtureBuild(Path project) {
        this.project = project;
    }

    /**
     * Lays out a fixture: the base project with the case's files over it.
     *
     * @param caseName a directory under {@code src/it}, or {@code _base} alone
     */
    static FixtureBuild of(String caseName) {
        Path target = RUNS.resolve(caseName + "-" + COUNTER.incrementAndGet()).toAbsolutePath();
        copy(SOURCES.resolve("_base"), target);
        if (!caseName.equals("_base")) {
            copy(SOURCES.resolve(caseName), target);
        }
        Path pom = target.resolve("pom.xml");
        try {
            Files.writeString(pom, Files.readString(pom).replace("@project.version@", property("contracts.version")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FixtureBuild(target);
    }

    /**
     * Lays out a project with the fixtures' pom and a copy of this repository's {@code schemas/}: the
     * repository's own contracts, changed by a test without touching the working tree.
     */
    static FixtureBuild ofRepositoryContracts() {
        Path target = RUNS.resolve("repository-" + COUNTER.incrementAndGet()).toAbsolutePath();
        copy(Paths.get("..", "schemas"), target.resolve("schemas"));
        Path pom = target.resolve("pom.xml");
        try {
            String template = Files.readString(SOURCES.resolve("_base").resolve("pom.xml"));
            Files.writeString(pom, template.replace("@project.version@", property("contracts.version")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FixtureBuild(target);
    }

    /**
     * A project outside {@code src/it}: an empty directory to generate a project in, or a generated project.
     *
     * @param directory the directory Maven runs in
     */
    static FixtureBuild at(Path directory) {
        try {
            return new FixtureBuild(Files.createDirectories(directory.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in a file of the fixture, failing when the text is not there. */
    FixtureBuild edit(String file, String from, String to) {
        Path path = project.resolve(file);
        try {
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(path + " does not contain " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Renames the fixture's namespace and subjects so that tests sharing one registry do not meet:
     * {@code dev.acme.payments} becomes {@code dev.acme.<id>} and {@code payments-*} subjects {@code <id>-*}, in
     * the schemas and in the pom.
     */
    FixtureBuild isolate(String id) {
        return rename("dev.acme.payments", "dev.acme." + id)
                .rename("\"payments-", "\"" + id + "-")
                .rename("<payments-", "<" + id + "-")
                .rename("</payments-", "</" + id + "-");
    }

    /** Replaces text in every file under {@code schemas/} and in the pom. */
    FixtureBuild rename(String from, String to) {
        try (Stream<Path> files =
                Stream.concat(Files.walk(project.resolve("schemas")), Stream.of(project.resolve("pom.xml")))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.writeString(f, Files.readString(f).replace(from, to));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Lays the files of another case over this fixture, e.g. a later change of the same project. */
    FixtureBuild overlay(String caseName) {
        copy(SOURCES.resolve(caseName), project);
        Path pom = project.resolve("pom.xml");
        try {
            Files.writeString(pom, Files.readString(pom).replace("@project.version@", property("contracts.version")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Runs Maven on the fixture, offline.
     *
     * @param goals the goals and phases, e.g. {@code verify}
     * @param properties user properties ({@code -D})
     */
    Result run(List<String> goals, Map<String, String> properties) {
        warmUp();
        return invoke(goals, properties, true);
    }

    /**
     * Runs Maven on the project, resolving what the fixtures' local repository lacks through the file mirror of the
     * build's own local repository (no network): for a project that needs more than the plugin, e.g. one generated
     * from the archetype. Runs after the warm-up, so it never downloads at the same time as the warm-up; the other
     * runs are offline and only read.
     *
     * @param goals the goals and phases
     * @param properties user properties ({@code -D})
     */
    Result runResolving(List<String> goals, Map<String, String> properties) {
        warmUp();
        return invoke(goals, properties, false);
    }

    /**
     * Fills the fixtures' local repository once, before parallel runs: the first run resolves the plugin's
     * dependencies from the build's own local repository (a file mirror, no network); later runs are offline.
     * Concurrent Maven processes must not download into one local repository at the same time.
     */
    private static void warmUp() {
        if (warm) {
            return;
        }
        synchronized (WARM_UP) {
            if (!warm) {
                stageOwnArtifacts();
                Result r = of("_base")
                        .invoke(
                                List.of("dev.eventcontracts:contracts-maven-plugin:" + property("contracts.version")
                                        + ":validate"),
                                Map.of("kafka-schema-registry.skip", "true"),
                                false);
                if (!r.succeeded()) {
                    throw new IllegalStateException("warm-up run failed:\n" + r.output());
                }
                warm = true;
            }
        }
    }

    /**
     * Puts this build's plugin, the registry client, the contracts core, the archetype, the parent pom and the BOM into
     * the fixtures' local repository,
     * taken from the test class path (the reactor's jars in a reactor build, else the local repository's), so a
     * fresh clone's {@code mvn verify} needs no installed artifacts. Third-party dependencies come through the
     * file mirror of the build's own local repository.
     */
    private static void stageOwnArtifacts() {
        String version = property("contracts.version");
        Path repo = Paths.get(property("it.localRepository")).resolve("dev").resolve("eventcontracts");
        try {
            stage(repo, "eventcontracts-parent", version, null, Paths.get("..", "pom.xml"));
            stage(repo, "eventcontracts-bom", version, null, Paths.get("..", "bom", "pom.xml"));
            for (String module :
                    List.of("contracts-maven-plugin", "registry-client", "contracts-core", "contracts-archetype")) {
                Path jar = classPathJar(module);
                Path pom = jar.getParent().getFileName().toString().equals("target")
                        ? jar.getParent().getParent().resolve("pom.xml")
                        : jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", ".pom"));
                stage(repo, module, version, jar, pom);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stage(Path repo, String artifactId, String version, Path jar, Path pom) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(artifactId).resolve(version));
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path classPathJar(String artifactId) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Paths.get(entry);
            String name = p.getFileName().toString();
            if (name.startsWith(artifactId + "-") && name.endsWith(".jar")) {
                return p;
            }
        }
        throw new IllegalStateException(artifactId + " is not on the test class path");
    }

    private Result invoke(List<String> goals, Map<String, String> properties, boolean offline) {
        StringBuffer out = new StringBuffer();
        InvocationRequest request = new DefaultInvocationRequest()
                .setBaseDirectory(project.toFile())
                .addArgs(goals)
                .setOffline(offline)
                .setUserSettingsFile(settings().toFile())
                .setBatchMode(true)
                .setNoTransferProgress(true)
                .setLocalRepositoryDirectory(new File(property("it.localRepository")))
                .setMavenOpts("-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
                .setOutputHandler(line -> out.append(line).append('\n'))
                .setErrorHandler(line -> out.append(line).append('\n'));
        Properties props = new Properties();
        props.putAll(properties);
        request.setProperties(props);
        request.setTimeoutInSeconds(120);
        DefaultInvoker invoker = new DefaultInvoker();
        invoker.setMavenHome(new File(property("maven.home")));
        try {
            InvocationResult result = invoker.execute(request);
            Files.writeString(project.resolve("build.log"), out);
            if (result.getExecutionException() != null) {
                throw new IllegalStateException("Maven could not be started", result.getExecutionException());
            }
            return new Result(result.getExitCode(), out.toString(), project);
        } catch (MavenInvocationException e) {
            throw new IllegalStateException("Maven could not be started", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path settings() {
        Path settings = RUNS.resolve("settings.xml").toAbsolutePath();
        if (!Files.exists(settings)) {
            String mirror = Paths.get(property("it.mirror")).toUri().toString();
            String xml = """
                    <settings>
                      <mirrors>
                        <mirror>
                          <id>build-local-repository</id>
                          <mirrorOf>*</mirrorOf>
                          <url>%s</url>
                        </mirror>
                      </mirrors>
                    </settings>
                    """.formatted(mirror);
            try {
                Files.createDirectories(RUNS);
                Files.writeString(settings, xml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return settings;
    }

    Result verify() {
        return run(List.of("verify"), Map.of());
    }

    Path project() {
        return project;
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + key + " is not set; run through failsafe (mvn verify)");
        }
        return value;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
