package dev.eventcontracts.demo;

import dev.eventcontracts.cli.Launcher;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContracts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The combined dev stack for developers: Kafka and the schema registry on fixed local ports, the contract's
 * topics created and the released contracts registered, running until Ctrl-C. Point the apps, the Maven plugin or
 * any Confluent client at it by URL.
 *
 * <pre>
 * ./demo.sh stack                      # Kafka localhost:9092, registry http://localhost:8081
 * ./demo.sh stack --kafka-port 19092 --registry-port 18081 --no-register
 * </pre>
 *
 * <p>Kafka keeps its data (topics, events, the registry's schemas) in {@code --data-dir} across restarts.
 *
 * @since 0.1.0
 */
@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Runs Kafka and the schema registry locally, with the contract's topics and schemas, "
                + "until Ctrl-C.")
public final class StackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port (default ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(
            names = "--registry-port",
            defaultValue = "8081",
            description = "Schema registry port (default ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(
            names = "--data-dir",
            defaultValue = "target/dev-stack",
            description = "Kafka's data, kept across restarts (default ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(
            names = "--register",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Create the contract's topics and register every released contract version "
                    + "(default: yes; --no-register leaves the registry empty, e.g. to try contracts:register).")
    private boolean register;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Runs the stack until SIGTERM or Ctrl-C.
     *
     * @param args the command-line arguments; never null
     */
    public static void main(String[] args) {
        Launcher.run(DemoCommand.LOG_CONFIG, new StackCommand(), args);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DevStack stack = DevStack.start(dataDir, kafkaPort, registryPort);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("Stopping the registry and Kafka...");
                            out.flush();
                            stack.close();
                            out.println("Stopped.");
                            out.flush();
                            stopped.countDown();
                        },
                        "dev-stack-shutdown"));
        out.printf(
                "Kafka %s ready at %s (%d ms; data in %s)%n",
                AppInfoParser.getVersion(),
                stack.bootstrapServers(),
                stack.kafkaStartMillis(),
                dataDir.toAbsolutePath().normalize());
        out.printf("Schema registry ready at %s (%d ms)%n", stack.registryUrl(), stack.registryStartMillis());
        if (register) {
            TopicContracts contracts = TopicContracts.load();
            for (TopicSetup.Topic topic : TopicSetup.create(stack.bootstrapServers(), contracts)) {
                out.printf(
                        "Topic %s: %d partitions%s%n",
                        topic.name(), topic.partitions(), topic.created() ? " (created)" : "");
            }
            try (SchemaRegistryClient client = SchemaRegistries.restClient(
                    RegistryClientConfig.builder().urls(stack.registryUrl()).build())) {
                ContractRegistrar registrar = new ContractRegistrar(client);
                for (ReleasedContracts release : ReleasedContracts.all()) {
                    List<ContractRegistrar.RegisteredSubject> subjects = registrar.register(release);
                    out.printf(
                            "Contract v%d registered: %s%n",
                            release.version(),
                            subjects.stream()
                                    .map(s -> s.subject() + " v" + s.version())
                                    .toList());
                }
            }
        }
        out.printf(
                "Ready: --bootstrap-servers %s --schema-registry-url %s. Press Ctrl-C to stop.%n",
                stack.bootstrapServers(), stack.registryUrl());
        out.flush();
        stopped.await();
        return 0;
    }
}
