package dev.eventcontracts.benchmarks.registry;

import dev.eventcontracts.server.RegistryServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Our registry in a JVM of its own, launched as {@code java <jvm options> -cp <this classpath>
 * dev.eventcontracts.server.RegistryServer <properties>}, so that its heap, GC and logging are what a deployment
 * has (the executable jar's logging at INFO, to a file) and the harness's own work does not weigh on it.
 */
final class RegistryChild implements AutoCloseable {

    private static final Path DIR = Path.of("target", "registry-harness");

    private final Process process;
    private final Path log;
    private final String url;

    private RegistryChild(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /**
     * Launches a registry on a free loopback port; {@link #awaitReady} waits for its first answer.
     *
     * @param name a file-name-safe name for the log and properties files
     * @param props registry settings besides {@code listeners} and {@code host.name}
     * @param jvmOptions e.g. {@code -Xmx512M}
     */
    static RegistryChild launch(String name, Map<String, String> props, List<String> jvmOptions) {
        try {
            Files.createDirectories(DIR);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String url = "http://127.0.0.1:" + port;
            Properties properties = new Properties();
            properties.putAll(props);
            properties.put("listeners", url);
            properties.put("host.name", "127.0.0.1");
            Path file = DIR.resolve(name + ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "registry " + name);
            }
            Path log = DIR.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), RegistryServer.class.getName()));
            command.add(file.toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new RegistryChild(process, log, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return url;
    }

    /** The child's process id. */
    long pid() {
        return process.pid();
    }

    /**
     * Waits until {@code GET /subjects} answers 200 and returns the time waited.
     *
     * @throws IllegalStateException with the log's tail when the JVM dies or is not ready in time
     */
    Duration awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the registry exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/subjects?limit=1"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(20);
        }
        throw new IllegalStateException("the registry was not ready within " + timeout + ":\n" + logTail());
    }

    /** The last lines of the child's log. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The child's whole log. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the child with SIGTERM (SIGKILL after 20 s). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
