package dev.eventcontracts.consumer;

import dev.eventcontracts.cli.ConnectionOptions;
import dev.eventcontracts.cli.Launcher;
import dev.eventcontracts.consumer.internal.StartupChecks;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The order-processing service as a command: joins the consumer group, keeps the read model, serves
 * {@code /metrics}, and runs until SIGTERM (or Ctrl-C), then shuts down gracefully.
 *
 * <pre>
 * java -cp consumer-app.jar:$(cat consumer-app/target/classpath.txt) dev.eventcontracts.consumer.ConsumerCommand \
 *     --bootstrap-servers localhost:9092 --schema-registry-url http://localhost:8081 \
 *     --jdbc-url 'jdbc:h2:file:./data/order-read-model;AUTO_SERVER=TRUE' --metrics-port 9464
 * </pre>
 *
 * <p>Start it several times with the same {@code --group-id} and JDBC URL and the instances share the partitions.
 * Before joining the group it checks the database (and migrates its tables), the registry and the topics: a
 * configuration error ends it with exit code {@value ServiceConfigurationException#EXIT_CODE} and one line naming the
 * fix; what stays unreachable for {@code --startup-timeout-seconds}, with {@value StartupChecks#EXIT_UNAVAILABLE}.
 *
 * @since 0.1.0
 */
@Command(
        name = "order-processing-service",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Consumes the order topic of the contract into an SQL read model, exactly once per event; "
                + "dead-letters what it cannot process; exposes consumer lag on /metrics.",
        subcommands = {DeadLetterCommand.class, RebuildCommand.class})
public final class ConsumerCommand implements Callable<Integer> {

    /** The log4j2 configuration used unless {@code -Dlog4j2.configurationFile} says otherwise. */
    static final String LOG_CONFIG = "consumer-app-log4j2.xml";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = {"-g", "--group-id"},
            defaultValue = ConsumerSettings.DEFAULT_GROUP_ID,
            description = "Consumer group (default ${DEFAULT-VALUE}).")
    private String groupId;

    @Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(
            names = {"-c", "--contract-version"},
            defaultValue = "0",
            description = "Released contract version to read with, e.g. 1 or 2; 0 = the newest (default).")
    private int contractVersion;

    @Option(
            names = "--metrics-port",
            defaultValue = "9464",
            description = "Port of the Prometheus endpoint /metrics; 0 = any free port, -1 = none "
                    + "(default ${DEFAULT-VALUE}).")
    private int metricsPort;

    @Option(
            names = "--lag-log-seconds",
            defaultValue = "30",
            description = "Log the consumer lag every this many seconds; 0 = never (default ${DEFAULT-VALUE}).")
    private long lagLogSeconds;

    @Option(
            names = "--instance-id",
            description = "Static group membership (group.instance.id): give each instance a stable id of its own, "
                    + "e.g. its pod name; a restarted instance then gets its partitions back at once instead of "
                    + "after the session timeout (10 s).")
    private String instanceId;

    @Option(
            names = "--startup-timeout-seconds",
            defaultValue = "60",
            description = "How long the start waits for the database, the registry and Kafka to become reachable; "
                    + "a configuration error stops it at once (default ${DEFAULT-VALUE}).")
    private long startupTimeoutSeconds;

    @Option(
            names = {"-X", "--config"},
            paramLabel = "KEY=VALUE",
            description = "Extra consumer, producer or deserializer setting; repeatable.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Runs the command until SIGTERM and exits with its code.
     *
     * @param args the command-line arguments; never null
     */
    public static void main(String[] args) {
        Launcher.run(LOG_CONFIG, new ConsumerCommand(), args);
    }

    @Override
    public Integer call() throws InterruptedException {
        ConsumerSettings settings = settings();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PrintWriter out = spec.commandLine().getOut();
        MetricsServer metrics = metricsPort < 0 ? null : MetricsServer.start(meters, metricsPort);
        OrderProcessingService service;
        try {
            service = OrderProcessingServices.start(settings, meters);
        } catch (ServiceConfigurationException | StartupChecks.StartTimeoutException e) {
            closeQuietly(metrics);
            return refuse(e);
        } catch (RuntimeException e) {
            closeQuietly(metrics);
            throw e;
        }
        if (metrics != null) {
            out.printf("Metrics on http://localhost:%d/metrics%n", metrics.port());
            out.flush();
        }
        Thread hook = new Thread(
                () -> {
                    service.close();
                    try {
                        stopped.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "order-processing-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (service.isRunning()) {
                Thread.sleep(200);
            }
        } finally {
            service.close();
            closeQuietly(metrics);
            meters.close();
            out.printf("Stopped: %s%n", service.stats());
            out.flush();
            stopped.countDown();
        }
        Throwable failure = service.failure().orElse(null);
        if (failure instanceof ServiceConfigurationException e) {
            return refuse(e);
        }
        return failure == null ? 0 : 1;
    }

    /** The settings the options give. */
    ConsumerSettings settings() {
        Map<String, String> config = new LinkedHashMap<>(overrides);
        if (instanceId != null) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        return new ConsumerSettings(
                connection.bootstrapServers(),
                connection.registryUrl(),
                groupId,
                database.jdbcUrl,
                database.jdbcUser,
                database.jdbcPassword,
                contractVersion,
                Duration.ofSeconds(lagLogSeconds),
                Duration.ofSeconds(startupTimeoutSeconds),
                config);
    }

    /** Prints why the service cannot run, in one line without a stack trace, and returns the exit code. */
    private int refuse(RuntimeException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("order-processing-service: " + e.getMessage());
        err.flush();
        return e instanceof ServiceConfigurationException
                ? ServiceConfigurationException.EXIT_CODE
                : StartupChecks.EXIT_UNAVAILABLE;
    }

    private static void closeQuietly(MetricsServer metrics) {
        if (metrics != null) {
            metrics.close();
        }
    }
}
