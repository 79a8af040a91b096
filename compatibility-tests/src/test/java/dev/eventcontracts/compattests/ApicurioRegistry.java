package dev.eventcontracts.compattests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Apicurio Registry 3 in a child process: the app distribution that Maven unpacked, on a Java 21+
 * runtime, with its default in-memory H2 storage (every start is empty), both its HTTP and its management
 * port chosen by the operating system and read from its start-up line. It is ready when its management
 * interface answers {@code /health/ready} with 200 (the API port has no health endpoint).
 */
final class ApicurioRegistry implements AutoCloseable {

    /** Where Apicurio serves Confluent's REST API. */
    static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private static final Pattern API_PORT = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern MANAGEMENT_PORT =
            Pattern.compile("Management interface listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Thread reaper;
    private final String url;
    private final Path log;
    private final long startMillis;

    private ApicurioRegistry(Process process, Thread reaper, String url, Path log, long startMillis) {
        this.process = process;
        this.reaper = reaper;
        this.url = url;
        this.log = log;
        this.startMillis = startMillis;
    }

    /**
     * Starts Apicurio and returns once it is ready.
     *
     * @param home the unpacked distribution (holds {@code quarkus-run.jar})
     * @param java the {@code bin/java} of a Java 21+ runtime
     * @param workDir an empty directory for its working directory and log
     * @throws IllegalStateException when it exits or is not ready within two minutes, with its log's tail
     */
    static ApicurioRegistry start(Path home, Path java, Path workDir) {
        Path jar = home.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Apicurio distribution at " + home + " (quarkus-run.jar is missing):"
                    + " run the suite through Maven (mvn verify), which unpacks io.apicurio:apicurio-registry-app");
        }
        long start = System.nanoTime();
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve("apicurio.log");
            Process process = new ProcessBuilder(List.of(
                            java.toString(),
                            "-Xmx512m",
                            "-XX:+UseSerialGC",
                            "-Dquarkus.http.host=127.0.0.1",
                            "-Dquarkus.http.port=0",
                            "-Dquarkus.management.host=127.0.0.1",
                            "-Dquarkus.management.port=0",
                            "-Dapicurio.storage.kind=sql",
                            "-Dapicurio.storage.sql.kind=h2",
                            "-jar",
                            jar.toString()))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            // a test JVM killed before JUnit closes its store (a fork timeout) must not leave Apicurio running
            Thread reaper = new Thread(process::destroyForcibly, "apicurio-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            try {
                String url = awaitReady(process, log);
                return new ApicurioRegistry(process, reaper, url, log, (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                stop(process, reaper);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Apicurio Registry with " + java, e);
        }
    }

    private static String awaitReady(Process process, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String apiPort = null;
        String managementPort = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Apicurio Registry exited with " + process.exitValue() + " while starting:\n" + tail(log));
            }
            String text = read(log);
            apiPort = apiPort != null ? apiPort : find(API_PORT, text).orElse(null);
            managementPort = managementPort != null
                    ? managementPort
                    : find(MANAGEMENT_PORT, text).orElse(null);
            if (apiPort != null && managementPort != null && ready(http, managementPort)) {
                return "http://127.0.0.1:" + apiPort + CCOMPAT_PATH;
            }
            pause();
        }
        throw new IllegalStateException(
                "Apicurio Registry was not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + tail(log));
    }

    private static boolean ready(HttpClient http, String managementPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Apicurio Registry", e);
        }
    }

    /** Waits between polls of a process that reports its progress only through its log. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Apicurio Registry", e);
        }
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path log) {
        String text = read(log);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    /** Returns the base URL of its Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    String url() {
        return url;
    }

    /** Returns how long the start took, from launch to ready. */
    long startMillis() {
        return startMillis;
    }

    /** Returns its log file. */
    Path log() {
        return log;
    }

    @Override
    public void close() {
        stop(process, reaper);
    }

    private static void stop(Process process, Thread reaper) {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is already stopping Apicurio
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
