package dev.eventcontracts.devstack;

import dev.eventcontracts.devstack.internal.Ports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs a single-broker Apache Kafka (KRaft) for local development until Ctrl-C.
 *
 * <p>Why: developers and demos need a Kafka on a known port without installing Kafka or Docker. The broker runs
 * inside this JVM from Apache's jars, keeps its data in {@code --data-dir} across restarts, and shuts down
 * cleanly on Ctrl-C or SIGTERM.
 *
 * <pre>
 * mvn -pl dev-stack compile exec:java                                  # localhost:9092, data in dev-stack/target/dev-stack
 * mvn -pl dev-stack compile exec:java -Dexec.args="--port 19092"
 * java -cp target/dev-stack-VERSION.jar:$(cat target/classpath.txt) dev.eventcontracts.devstack.DevStackCommand --help
 * </pre>
 *
 * <p>Standard output carries only the command's own lines (the ready line is
 * {@code Kafka ready at localhost:PORT ...}); Kafka logs at WARN through {@code dev-stack-log4j2.xml}.
 *
 * @since 0.1.0
 */
@Command(
        name = "dev-stack",
        mixinStandardHelpOptions = true,
        description = "Runs a single-broker Apache Kafka (KRaft) on localhost until Ctrl-C.")
public final class DevStackCommand implements Callable<Integer> {

    /** The log4j2 configuration used unless {@code -Dlog4j2.configurationFile} says otherwise. */
    static final String LOG_CONFIG = "dev-stack-log4j2.xml";

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "9092",
            paramLabel = "PORT",
            description = "Client port on localhost (default: ${DEFAULT-VALUE}); 0 picks a free one. "
                    + "If the port is busy, a free one is used and a message says which.")
    private int port;

    @Option(
            names = "--data-dir",
            defaultValue = "${sys:devstack.dataDir:-target/dev-stack}",
            paramLabel = "DIR",
            description = "Directory for Kafka's data and the generated server.properties (default: ${DEFAULT-VALUE}); "
                    + "kept between runs.")
    private Path dataDir;

    /**
     * Creates the command; picocli fills the options.
     */
    public DevStackCommand() {}

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command-line arguments, not null
     */
    public static void main(String[] args) {
        // Kafka's test-kit jar ships a log4j2.yaml that outranks any log4j2.xml, so pick ours by name, before
        // anything creates a logger.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
        System.exit(new CommandLine(new DevStackCommand()).execute(args));
    }

    /**
     * Starts Kafka, prints its address and blocks until the JVM is asked to stop.
     *
     * @return {@code 0} after a requested stop, {@code 1} if Kafka failed to start or stopped by itself
     */
    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int clientPort = choosePort(err);
        AtomicReference<StandaloneKafka> running = new AtomicReference<>();
        AtomicBoolean stopRequested = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopRequested.set(true);
                            stop(running.get(), out);
                        },
                        "dev-stack-shutdown"));

        long start = System.nanoTime();
        StandaloneKafka broker;
        try {
            broker = StandaloneKafka.start(dataDir, clientPort);
        } catch (RuntimeException e) {
            err.println("dev-stack: " + e.getMessage());
            return 1;
        }
        running.set(broker);
        out.printf(
                "Kafka ready at %s in %d ms (data in %s). Press Ctrl-C to stop.%n",
                broker.bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000,
                dataDir.toAbsolutePath().normalize());
        broker.awaitShutdown();
        if (stopRequested.get()) {
            return 0;
        }
        err.println("dev-stack: Kafka stopped by itself; see the log above");
        return 1;
    }

    private int choosePort(PrintWriter err) {
        if (port == 0) {
            return Ports.free();
        }
        if (Ports.isFree(port)) {
            return port;
        }
        int fallback = Ports.free();
        err.printf(
                "dev-stack: port %d is already in use (another Kafka?); using free port %d instead. "
                        + "Pick one with --port.%n",
                port, fallback);
        return fallback;
    }

    private static void stop(StandaloneKafka broker, PrintWriter out) {
        if (broker == null) {
            return;
        }
        out.println("Stopping Kafka...");
        long start = System.nanoTime();
        broker.close();
        out.printf("Kafka stopped in %d ms.%n", (System.nanoTime() - start) / 1_000_000);
    }
}
