package dev.eventcontracts.producer;

import dev.eventcontracts.cli.ConnectionOptions;
import dev.eventcontracts.cli.Launcher;
import dev.eventcontracts.contracts.ReleasedContracts;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The order service as a command: emits realistic order lifecycles and prints what was acknowledged.
 *
 * <pre>
 * java -cp producer-app.jar:$(cat producer-app/target/classpath.txt) dev.eventcontracts.producer.ProducerCommand \
 *     --count 10000 --rate 2000 --contract-version 1 \
 *     --bootstrap-servers localhost:9092 --schema-registry-url http://localhost:8081
 * </pre>
 *
 * <p>Exit code 0 when every event was acknowledged, 1 when any failed, 2 for invalid options. SIGTERM (or
 * Ctrl-C) stops sending, waits for outstanding acknowledgements and prints the summary.
 *
 * @since 0.1.0
 */
@Command(
        name = "order-service",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Emits order lifecycles (created, paid, shipped, delivered; some cancelled) on the order topic "
                + "of the contract, keyed by order id, with CloudEvents headers.")
public final class ProducerCommand implements Callable<Integer> {

    /** The log4j2 configuration used unless {@code -Dlog4j2.configurationFile} says otherwise. */
    static final String LOG_CONFIG = "producer-app-log4j2.xml";

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-n", "--count"},
            defaultValue = "1000",
            description = "Events to send (default ${DEFAULT-VALUE}).")
    private long count;

    @Option(
            names = {"-r", "--rate"},
            defaultValue = "0",
            description = "Maximum events per second; 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    private double rate;

    @Option(
            names = {"-c", "--contract-version"},
            defaultValue = "0",
            description = "Released contract version to write, e.g. 1 or 2; 0 = the newest (default).")
    private int contractVersion;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--seed", description = "Random seed for reproducible events (default: random).")
    private Long seed;

    @Option(
            names = "--source",
            defaultValue = ProducerSettings.DEFAULT_SOURCE,
            description = "CloudEvents ce_source (default ${DEFAULT-VALUE}).")
    private String source;

    @Option(
            names = {"-X", "--config"},
            paramLabel = "KEY=VALUE",
            description = "Extra producer or serializer setting, e.g. -X compression.type=zstd; repeatable.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command-line arguments; never null
     */
    public static void main(String[] args) {
        Launcher.run(LOG_CONFIG, new ProducerCommand(), args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int released = ReleasedContracts.all().size();
        int version = contractVersion == 0 ? released : contractVersion;
        if (version < 1 || version > released) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--contract-version " + contractVersion + " is not released; released versions are 1.." + released);
        }
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must not be negative, was " + count);
        }
        ProducerSettings settings = new ProducerSettings(
                connection.bootstrapServers(), connection.registryUrl(), version, source, overrides);
        long actualSeed = seed != null ? seed : new SecureRandom().nextLong();
        Thread hook = new Thread(this::stopAndAwait, "order-service-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ProduceSummary summary;
        String topic;
        try (OrderEventProducer producer = OrderEventProducers.start(settings)) {
            topic = producer.topic().name();
            OrderLifecycleGenerator generator = new OrderLifecycleGenerator(
                    actualSeed, Clock.systemUTC(), ContractFeatures.of(ReleasedContracts.load(version)));
            try {
                producer.produce(generator, count, rate, () -> stopRequested);
            } catch (KafkaException e) {
                spec.commandLine().getErr().println("Stopped: " + e.getMessage());
            }
            producer.close();
            summary = producer.summary();
        } finally {
            finished.countDown();
            removeHook(hook);
        }
        out.printf("Produced to '%s' (seed %d): %s%n", topic, actualSeed, summary);
        out.flush();
        return summary.failed() == 0 && summary.acknowledged() == summary.sent() ? 0 : 1;
    }

    private void stopAndAwait() {
        stopRequested = true;
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting because of SIGTERM: the hook is running and waits for us
        }
    }
}
