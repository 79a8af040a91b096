package dev.eventcontracts.demo;

import dev.eventcontracts.cli.Launcher;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.OrderProcessingService;
import dev.eventcontracts.consumer.OrderProcessingServices;
import dev.eventcontracts.consumer.OrderReadModel;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.producer.ContractFeatures;
import dev.eventcontracts.producer.OrderEventProducer;
import dev.eventcontracts.producer.OrderEventProducers;
import dev.eventcontracts.producer.OrderLifecycleGenerator;
import dev.eventcontracts.producer.ProduceSummary;
import dev.eventcontracts.producer.ProducerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The one-command demo: starts Kafka and the schema registry in this JVM (or uses the ones given), creates the
 * contract's topics, registers contract v1 and then v2 as CI would, runs the order service once as a v1 and once
 * as a v2 producer plus a few poison records, runs the order-processing service on the newest contract and a
 * second one still on v1, waits until both have handled everything, prints a summary and stops everything.
 *
 * <p>Run it with {@code ./demo.sh} from the repository root. Standard output carries the summary only; logs go
 * to standard error ({@code --verbose}) or are kept to warnings.
 *
 * @since 0.1.0
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Runs the whole event-contracts story end to end and prints what happened.")
public final class DemoCommand implements Callable<Integer> {

    /** The log4j2 configuration used unless {@code -Dlog4j2.configurationFile} says otherwise. */
    static final String LOG_CONFIG = "demo-log4j2.xml";

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-n", "--events-per-version"},
            defaultValue = "5000",
            description = "Events the producer sends as v1 and again as v2 (default ${DEFAULT-VALUE}).")
    private int eventsPerVersion;

    @Option(
            names = {"-b", "--bootstrap-servers"},
            description = "Use this Kafka (e.g. docker-compose.registry.yml) instead of starting one.")
    private String bootstrapServers;

    @Option(
            names = {"-s", "--schema-registry-url"},
            description = "Use this schema registry (e.g. Confluent's) instead of starting ours.")
    private String registryUrl;

    @Option(
            names = "--work-dir",
            defaultValue = "target/demo",
            description = "Kafka data and read models; emptied first (default ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "90",
            description = "Give up waiting for the consumers after this long (default ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    /**
     * Runs the demo and exits with its code: 0 when every event was handled exactly once.
     *
     * @param args the command-line arguments; never null
     */
    public static void main(String[] args) {
        Launcher.run(LOG_CONFIG, new DemoCommand(), args);
    }

    @Override
    public Integer call() throws SQLException {
        if ((bootstrapServers == null) != (registryUrl == null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give both --bootstrap-servers and --schema-registry-url, or neither");
        }
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        cleanWorkDir(workDir);
        TopicContracts contracts = TopicContracts.load();
        TopicContract topic = contracts.topicFor(OrderCreated.getClassSchema());
        DemoReport report = new DemoReport(out);
        report.title(eventsPerVersion);

        DevStack stack = null;
        if (bootstrapServers == null) {
            long t = System.nanoTime();
            stack = DevStack.start(workDir.resolve("kafka"), 0, 0);
            bootstrapServers = stack.bootstrapServers();
            registryUrl = stack.registryUrl();
            report.stack(
                    "Kafka " + AppInfoParser.getVersion() + " (KRaft, in this JVM) at " + bootstrapServers
                            + " up in " + stack.kafkaStartMillis() + " ms, eventcontracts registry at " + registryUrl
                            + " up in " + stack.registryStartMillis() + " ms",
                    0);
        } else {
            report.stack("Kafka at " + bootstrapServers + ", schema registry at " + registryUrl + " (given)", 0);
        }
        try (SchemaRegistryClient registry = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(registryUrl).build())) {
            report.topics(TopicSetup.create(bootstrapServers, contracts));
            ContractRegistrar registrar = new ContractRegistrar(registry);
            for (ReleasedContracts release : ReleasedContracts.all()) {
                report.registered(release.version(), registrar.register(release));
            }
            Consumers consumers = new Consumers(bootstrapServers, registryUrl, workDir);
            List<ProduceSummary> produced = new ArrayList<>();
            try {
                produced.add(produce(1));
                produced.add(produce(ReleasedContracts.all().size()));
                report.produced(produced);
                List<PoisonRecords.Written> poison = PoisonRecords.send(bootstrapServers, registryUrl, topic);
                report.poison(poison);
                long expected = produced.stream()
                                .mapToLong(ProduceSummary::acknowledged)
                                .sum()
                        + poison.size();
                report.consumed(consumers.awaitHandled(expected, Duration.ofSeconds(timeoutSeconds)));
            } finally {
                consumers.close();
            }
            report.readModels(consumers.readModels());
            report.deadLetters(
                    topic.deadLetterTopic(), DeadLetterCounts.read(bootstrapServers, topic.deadLetterTopic()));
            report.subjects(RegistryListing.read(registry));
        } finally {
            if (stack != null) {
                long t = System.nanoTime();
                stack.close();
                report.stopped(millisSince(t));
            }
        }
        report.total(millisSince(start));
        return report.allExactlyOnce() ? 0 : 1;
    }

    private ProduceSummary produce(int version) {
        try (OrderEventProducer producer =
                OrderEventProducers.start(ProducerSettings.of(bootstrapServers, registryUrl, version))) {
            OrderLifecycleGenerator generator = new OrderLifecycleGenerator(
                    version * 7919L, Clock.systemUTC(), ContractFeatures.of(ReleasedContracts.load(version)));
            producer.produce(generator, eventsPerVersion, 0, () -> false);
            producer.close();
            return producer.summary();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Deletes what an earlier run left: Kafka's data and the read models, nothing else. */
    static void cleanWorkDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(c -> c.getFileName().toString().equals("kafka")
                            || c.getFileName().toString().startsWith("read-model-"))
                    .toList()) {
                try (Stream<Path> paths = Files.walk(child)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }

    /** The two order-processing services of the demo: on the newest contract, and one still on v1. */
    static final class Consumers implements AutoCloseable {
        private final List<ConsumerSettings> settings = new ArrayList<>();
        private final List<OrderProcessingService> services = new ArrayList<>();

        Consumers(String bootstrapServers, String registryUrl, Path workDir) {
            int newest = ReleasedContracts.all().size();
            for (int version : new int[] {newest, 1}) {
                String group = version == newest
                        ? ConsumerSettings.DEFAULT_GROUP_ID
                        : ConsumerSettings.DEFAULT_GROUP_ID + "-v" + version;
                String jdbc = "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("read-model-" + group)
                        + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0";
                settings.add(ConsumerSettings.of(bootstrapServers, registryUrl, jdbc)
                        .withGroupId(group)
                        .withContractVersion(version == newest ? 0 : version)
                        .withLagLogInterval(Duration.ZERO));
            }
            for (ConsumerSettings s : settings) {
                services.add(OrderProcessingServices.start(s, new SimpleMeterRegistry()));
            }
        }

        List<DemoReport.Consumed> awaitHandled(long expected, Duration timeout) {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            while (System.nanoTime() < deadline
                    && services.stream().anyMatch(s -> s.stats().handled() < expected && s.isRunning())) {
                sleep(100);
            }
            long elapsed = millisSince(start);
            List<DemoReport.Consumed> consumed = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                consumed.add(new DemoReport.Consumed(
                        settings.get(i).groupId(),
                        settings.get(i).contractVersion() == 0
                                ? ReleasedContracts.all().size()
                                : settings.get(i).contractVersion(),
                        services.get(i).stats(),
                        expected,
                        elapsed));
            }
            return consumed;
        }

        Map<String, OrderReadModel> readModels() {
            return settings.stream()
                    .collect(Collectors.toMap(
                            ConsumerSettings::groupId, OrderReadModel::of, (a, b) -> a, java.util.LinkedHashMap::new));
        }

        @Override
        public void close() {
            services.forEach(OrderProcessingService::close);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
