package dev.eventcontracts.consumer;

import dev.eventcontracts.cli.ConnectionOptions;
import dev.eventcontracts.consumer.internal.ReadModelDatabase;
import dev.eventcontracts.consumer.internal.rebuild.Rebuild;
import dev.eventcontracts.contracts.TopicContract;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code order-processing-service rebuild}: builds a fresh read model from the beginning of the order topic while
 * the service keeps running, verifies it against the live model at the same offsets, and switches the two
 * atomically ({@code --switch}, PostgreSQL) or leaves the switch to the operator. See {@link Rebuild}.
 */
@Command(
        name = "rebuild",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Rebuilds the read model by replaying the order topic into new tables (another schema, or "
                + "another database), verifies it against the live model at the same offsets, and switches them "
                + "atomically with --switch (PostgreSQL).")
final class RebuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    private DatabaseOptions live = new DatabaseOptions();

    @Option(
            names = "--target-schema",
            defaultValue = "rebuild",
            description = "Schema of the live database to rebuild into; created, must not hold a read model yet "
                    + "(default ${DEFAULT-VALUE}).")
    private String targetSchema;

    @Option(
            names = "--target-jdbc-url",
            description = "Rebuild into this database instead (its --target-schema is not used).")
    private String targetUrl;

    @Option(names = "--target-jdbc-user", description = "User of --target-jdbc-url (default: as the live one).")
    private String targetUser;

    @Option(
            names = "--target-jdbc-password",
            arity = "0..1",
            interactive = true,
            description = "Password of --target-jdbc-url (default: as the live one).")
    private String targetPassword;

    @Option(
            names = "--switch",
            description = "After a successful verification, make the rebuilt tables the live ones in one transaction"
                    + " (PostgreSQL, --target-schema); the old ones move to a schema retired_<time>.")
    private boolean switchTables;

    @Option(
            names = {"-c", "--contract-version"},
            defaultValue = "0",
            description = "Contract version the live service reads with (default: the newest).")
    private int contractVersion;

    @Option(
            names = "--verify-timeout-seconds",
            defaultValue = "120",
            description = "How long to wait for the live model to reach the rebuild's offsets (default "
                    + "${DEFAULT-VALUE}).")
    private long verifyTimeoutSeconds;

    @Option(
            names = {"-X", "--config"},
            paramLabel = "KEY=VALUE",
            description = "Extra Kafka client or registry client setting; repeatable.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!targetSchema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--target-schema '" + targetSchema + "': lower case letters, digits and _");
        }
        ConsumerSettings settings = ConsumerSettings.of(
                        connection.bootstrapServers(), connection.registryUrl(), live.jdbcUrl)
                .withDatabase(live.jdbcUrl, live.jdbcUser, live.jdbcPassword)
                .withContractVersion(contractVersion)
                .withOverrides(overrides);
        TopicContract topic = OrderProcessingServices.orderTopic();
        int version = OrderProcessingServices.contractVersion(settings);
        try (OrderProcessingServices.Decoding decoding =
                OrderProcessingServices.Decoding.open(settings, version, topic)) {
            ReadModelDatabase liveDatabase = ReadModelDatabase.of(live.jdbcUrl, live.jdbcUser, live.jdbcPassword);
            ReadModelDatabase target = targetUrl == null
                    ? liveDatabase.inSchema(targetSchema)
                    : ReadModelDatabase.of(
                            targetUrl,
                            targetUser == null ? live.jdbcUser : targetUser,
                            targetPassword == null ? live.jdbcPassword : targetPassword);
            Map<String, Object> client = new HashMap<>(overrides);
            client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
            Rebuild.Options options = new Rebuild.Options(
                    client, topic.name(), liveDatabase, target, switchTables, Duration.ofSeconds(verifyTimeoutSeconds));
            Rebuild.Result result =
                    new Rebuild(options, decoding.decoder(), Clock.systemUTC(), out, System.console() != null).run();
            report(out, result, liveDatabase, target);
            return result.verified() ? 0 : 1;
        } catch (ServiceConfigurationException | IllegalStateException e) {
            spec.commandLine().getErr().println("rebuild: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return e instanceof ServiceConfigurationException ? ServiceConfigurationException.EXIT_CODE : 1;
        }
    }

    private void report(
            PrintWriter out, Rebuild.Result result, ReadModelDatabase liveDatabase, ReadModelDatabase target) {
        out.printf(
                Locale.ROOT,
                "Replayed %,d records in %.1f s (%,d events/s); %,d in all up to the verification: %,d applied, "
                        + "%,d rejected by the rules, %,d undecodable%n",
                result.replayEvents(),
                result.replayMillis() / 1000.0,
                result.eventsPerSecond(),
                result.events(),
                result.applied(),
                result.rejected(),
                result.poison());
        out.printf(
                "Compared at the live model's offsets %s%n",
                new java.util.TreeMap<>(result.positions().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                e -> e.getKey().partition(), Map.Entry::getValue))));
        out.printf("  live:    %s%n", result.live().describe());
        out.printf("  rebuilt: %s%n", result.rebuilt().describe());
        if (!result.verified()) {
            out.println("NOT EQUAL: the rebuilt model differs from the live one; nothing was switched.");
        } else if (result.retiredSchema() != null) {
            out.printf(
                    "Equal. Switched: the rebuilt tables are live now; the old ones are in schema '%s' (DROP SCHEMA %s"
                            + " CASCADE when no longer needed).%n",
                    result.retiredSchema(), result.retiredSchema());
        } else {
            out.printf(
                    "Equal. The rebuilt model is in %s; to use it, run again with --switch (PostgreSQL) or point the"
                            + " service's --jdbc-url at it.%n",
                    target);
        }
        out.flush();
    }
}
