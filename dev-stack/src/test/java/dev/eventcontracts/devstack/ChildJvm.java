package dev.eventcontracts.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Java main class started in its own JVM on the test classpath, with its output collected line by line. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean stdoutClosed;

    private ChildJvm(Process process) {
        this.process = process;
        collect(process.getInputStream(), stdout, "stdout");
        collect(process.getErrorStream(), stderr, "stderr");
    }

    static ChildJvm start(Class<?> mainClass, String... args) {
        // Failsafe runs tests from a manifest-only jar; this property holds the real classpath.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                mainClass.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for a stdout line starting with {@code prefix} and returns it. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stdout) {
            while (true) {
                for (String line : stdout) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && stdoutClosed)) {
                    throw new AssertionError(
                            "no line starting with '" + prefix + "' within " + timeout + "; " + describe());
                }
                TimeUnit.NANOSECONDS.timedWait(stdout, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /**
     * Sends SIGTERM (what a service manager sends; Ctrl-C sends SIGINT, handled alike) and returns the exit code
     * once the process and its output have ended, or -1 on timeout.
     */
    int terminate(Duration timeout) throws InterruptedException {
        // Same SIGTERM as Process.destroy(), which however also closes our end of the pipes and loses what the
        // shutdown hook prints.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        for (Thread reader : readers) {
            reader.join(timeout.toMillis());
        }
        return process.exitValue();
    }

    String stdout() {
        synchronized (stdout) {
            return String.join("\n", stdout);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    String describe() {
        return "process " + (process.isAlive() ? "running" : "exited with " + process.exitValue())
                + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void collect(InputStream stream, List<String> lines, String name) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            synchronized (lines) {
                                lines.add(line);
                                lines.notifyAll();
                            }
                        }
                    } catch (IOException e) {
                        // the process is gone; what was read is kept
                    } finally {
                        if (lines == stdout) {
                            stdoutClosed = true;
                        }
                    }
                },
                "child-jvm-" + name);
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }
}
