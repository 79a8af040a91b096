package dev.eventcontracts.server.internal.store.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
 * A registry server in a child JVM ({@code java -cp <test classpath> dev.eventcontracts.server.RegistryServer
 * <properties>}), so a test can kill it for real ({@link #kill()} is SIGKILL). Its output goes to
 * {@code target/registry-processes/<name>.log}; {@link #logTail} shows it when a test fails.
 */
final class RegistryProcess implements AutoCloseable {

    private static final Path DIR = Path.of("target", "registry-processes");

    private final String name;
    private final Process process;
    private final Path log;
    private final String url;

    private RegistryProcess(String name, Process process, Path log, String url) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /**
     * Launches a registry on a free port of 127.0.0.1 (not yet ready: see {@link #awaitReady}).
     *
     * @param name a file-name-safe name, unique in the test run
     * @param props registry settings besides {@code listeners} and {@code host.name}
     */
    static RegistryProcess launch(String name, Map<String, String> props, String... jvmOptions) {
        try {
            Files.createDirectories(DIR);
            int port = freePort();
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
            command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            command.addAll(List.of(jvmOptions));
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.eventcontracts.server.RegistryServer",
                    file.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new RegistryProcess(name, process, log, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings of an instance whose store is {@code topic}, in that topic's own election group.
     *
     * @param extra more settings, as key, value, key, value…
     */
    static Map<String, String> onTopic(String bootstrapServers, String topic, String... extra) {
        Map<String, String> props = new java.util.HashMap<>(Map.of(
                "kafkastore.bootstrap.servers",
                bootstrapServers,
                "kafkastore.topic",
                topic,
                "schema.registry.group.id",
                "group-" + topic));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    /** Waits until exactly one of {@code instances} says it is the writer, and returns it. */
    static RegistryProcess awaitOneWriter(List<RegistryProcess> instances, Duration timeout) {
        org.awaitility.Awaitility.await()
                .atMost(timeout)
                .until(() -> instances.stream()
                                .filter(RegistryProcess::isWriterPerLog)
                                .count()
                        == 1);
        return instances.stream()
                .filter(RegistryProcess::isWriterPerLog)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The longest time without an acknowledgement between {@code from} and the last one ({@link System#nanoTime()}
     * values), in milliseconds.
     */
    static long longestPauseAfter(long from, java.util.Collection<Long> ackTimes) {
        List<Long> times = ackTimes.stream().filter(t -> t >= from).sorted().toList();
        long previous = from;
        long longest = 0;
        for (long t : times) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return url;
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until {@code GET /subjects} answers 200.
     *
     * @throws AssertionError with the log's tail if the process dies or does not get ready in time
     */
    RegistryProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "registry " + name + " exited with " + process.exitValue() + ":\n" + logTail(60));
            }
            if (RestCalls.get(url + "/subjects").status() == 200) {
                return this;
            }
            sleep(50);
        }
        throw new AssertionError("registry " + name + " not ready within " + timeout + ":\n" + logTail(60));
    }

    /** Whether the log says this instance is the writer now (its last writer event is a gain). */
    boolean isWriterPerLog() {
        String text = log();
        int gained = text.lastIndexOf("(" + url + ") is now the writer");
        int lost = Math.max(text.lastIndexOf("No longer the writer"), text.lastIndexOf("Fenced:"));
        return gained >= 0 && gained > lost;
    }

    /** Kills the JVM like a crash (SIGKILL) and waits for it to be gone. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** The whole log so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The last lines of the log. */
    String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Stops the JVM gracefully (SIGTERM), killing it if it does not stop within 15 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(15))) {
                kill();
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
