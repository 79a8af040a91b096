package dev.eventcontracts.consumer;

import dev.eventcontracts.cli.ConnectionOptions;
import dev.eventcontracts.consumer.internal.Secrets;
import dev.eventcontracts.consumer.internal.dlq.DeadLetterDecoder;
import dev.eventcontracts.consumer.internal.dlq.DeadLetterReader;
import dev.eventcontracts.consumer.internal.dlq.DeadLetterRecord;
import dev.eventcontracts.consumer.internal.dlq.DeadLetterSelection;
import dev.eventcontracts.consumer.internal.dlq.DeadLetterSummary;
import dev.eventcontracts.consumer.internal.dlq.Redrive;
import dev.eventcontracts.contracts.TopicContract;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code order-processing-service dlq}: look at the dead-letter topic and send dead letters back once their cause is
 * fixed. {@code list} groups them by consumer group and reason; {@code show} prints one with its headers and, where
 * the registry knows its schema, the event as JSON; {@code redrive} re-publishes a selection to the order topic,
 * exactly once even when interrupted (see {@link Redrive}).
 */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = "Lists, shows and re-drives the dead letters of the order topic.",
        subcommands = {
            DeadLetterCommand.ListCommand.class,
            DeadLetterCommand.ShowCommand.class,
            DeadLetterCommand.RedriveCommand.class
        })
final class DeadLetterCommand {

    /** Where the dead letters are and how to reach Kafka and the registry. */
    static final class Options {
        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Option(
                names = {"-X", "--config"},
                paramLabel = "KEY=VALUE",
                description = "Extra Kafka client or registry client setting (e.g. security); repeatable.")
        Map<String, String> overrides = new LinkedHashMap<>();

        TopicContract topic() {
            return OrderProcessingServices.orderTopic();
        }

        Map<String, Object> clientConfig() {
            Map<String, Object> config = new HashMap<>(overrides);
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
            return config;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Counts dead letters by group and reason.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options options = new Options();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String topic = options.topic().deadLetterTopic();
            DeadLetterSummary summary = new DeadLetterSummary();
            try (DeadLetterReader reader = new DeadLetterReader(options.clientConfig(), topic)) {
                List<TopicPartition> partitions = reader.partitions();
                Map<TopicPartition, Long> from = new LinkedHashMap<>();
                partitions.forEach(p -> from.put(p, 0L));
                reader.read(from, summary::add);
                out.printf("%s: %d dead letter(s) in %d partitions%n", topic, summary.total(), partitions.size());
            } catch (IllegalStateException e) {
                return fail(spec, e.getMessage());
            }
            summary.print(out);
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Prints one dead letter: headers, key and, where decodable, the event as JSON.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options options = new Options();

        @Parameters(paramLabel = "PARTITION@OFFSET", description = "Where the dead letter is, e.g. 3@17.")
        String where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String topic = options.topic().deadLetterTopic();
            String[] parts = where.split("@");
            if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "'" + where + "' is not PARTITION@OFFSET, e.g. 3@17");
            }
            TopicPartition partition = new TopicPartition(topic, Integer.parseInt(parts[0]));
            DeadLetterRecord letter;
            try (DeadLetterReader reader = new DeadLetterReader(options.clientConfig(), topic)) {
                letter = reader.readOne(partition, Long.parseLong(parts[1]));
            }
            if (letter == null) {
                return fail(spec, "no dead letter at " + topic + "-" + where + " (beyond the end, or deleted)");
            }
            try (DeadLetterDecoder decoder =
                    new DeadLetterDecoder(options.connection.registryUrl(), options.overrides)) {
                print(out, letter, decoder);
            }
            out.flush();
            return 0;
        }

        private static void print(PrintWriter out, DeadLetterRecord letter, DeadLetterDecoder decoder) {
            out.printf("%s  written %s%n", letter.coordinates(), letter.timestamp());
            out.printf("reason:    %s (group %s)%n", letter.reason(), letter.group());
            out.printf("original:  %s%n", letter.originalCoordinates());
            out.printf("key:       %s%n", decoder.key(letter));
            out.println("headers:");
            letter.record().headers().forEach(h -> out.printf("  %-24s %s%n", h.key(), headerText(h.value())));
            DeadLetterDecoder.Value value = decoder.value(letter);
            if (value.failure() == null) {
                out.printf("value:     %s (schema id %s)%n", value.schema(), value.schemaId());
                out.println(value.json());
            } else {
                out.printf("value:     not decodable: %s%n", value.failure());
            }
        }

        private static String headerText(byte[] value) {
            if (value == null) {
                return "(null)";
            }
            String text = new String(value, java.nio.charset.StandardCharsets.UTF_8);
            boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xfffd || c == '\t');
            String shown =
                    printable ? text : "(binary) " + java.util.HexFormat.of().formatHex(value);
            return shown.length() <= 300 ? shown : shown.substring(0, 300) + "...";
        }
    }

    @Command(
            name = "redrive",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Re-publishes selected dead letters to the order topic (original key, value and headers plus "
                    + "dlq.redriven.* headers), exactly once; run it again to resume after an interruption.")
    static final class RedriveCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options options = new Options();

        @Option(names = "--reason", paramLabel = "REASON", description = "Only this dead-letter reason; repeatable.")
        Set<String> reasons = new LinkedHashSet<>();

        @Option(
                names = "--group",
                paramLabel = "GROUP",
                description = "Only dead letters of this consumer group; " + "repeatable.")
        Set<String> groups = new LinkedHashSet<>();

        @Option(names = "--partition", defaultValue = "-1", description = "Only this dead-letter partition.")
        int partition;

        @Option(names = "--from-offset", defaultValue = "0", description = "With --partition: first offset.")
        long fromOffset;

        @Option(
                names = "--to-offset",
                defaultValue = "" + Long.MAX_VALUE,
                description = "With --partition: last offset (inclusive).")
        long toOffset;

        @Option(names = "--event-id", paramLabel = "ID", description = "Only this event; repeatable.")
        Set<String> eventIds = new LinkedHashSet<>();

        @Option(names = "--all", description = "Every dead letter (required when no other selection is given).")
        boolean all;

        @Option(names = "--dry-run", description = "Only list what would be re-driven.")
        boolean dryRun;

        @Option(names = "--restart", description = "Ignore the progress of earlier runs of this selection.")
        boolean restart;

        @Option(
                names = "--max-rate",
                defaultValue = "0",
                description = "At most this many records per second; 0 = no limit (default).")
        int maxRate;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DeadLetterSelection selection;
            try {
                selection = new DeadLetterSelection(reasons, groups, partition, fromOffset, toOffset, eventIds);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (selection.isEverything() && !all) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "say which dead letters: --reason, --group, --partition, --event-id, or --all for every one");
            }
            TopicContract topic = options.topic();
            Redrive.Options what = new Redrive.Options(
                    options.clientConfig(), topic.deadLetterTopic(), topic.name(), selection, dryRun, restart, maxRate);
            out.printf(
                    "%s %s of %s to %s: %s%n",
                    dryRun ? "Dry run of re-drive" : "Re-drive",
                    what.progressId(),
                    topic.deadLetterTopic(),
                    topic.name(),
                    selection.describe());
            out.flush();
            AtomicLong shown = new AtomicLong();
            try (DeadLetterDecoder decoder =
                    new DeadLetterDecoder(options.connection.registryUrl(), options.overrides)) {
                Redrive.Result result = new Redrive(what, decoder::eventId, Clock.systemUTC()).run(letter -> {
                    if (dryRun && shown.incrementAndGet() <= 50) {
                        out.printf(
                                "  would re-drive %s (%s, group %s, from %s)%n",
                                letter.coordinates(), letter.reason(), letter.group(), letter.originalCoordinates());
                    }
                });
                out.printf(
                        "read %d dead letter(s), selected %d, %s %d in %.1f s%s%n",
                        result.read(),
                        result.selected(),
                        dryRun ? "would re-drive" : "re-drove",
                        dryRun ? result.selected() : result.redriven(),
                        result.millis() / 1000.0,
                        result.otherTopic() > 0 ? " (" + result.otherTopic() + " from other topics left)" : "");
                if (!dryRun) {
                    out.printf(
                            "progress committed as consumer group '%s': the same command resumes after an"
                                    + " interruption and re-drives nothing twice; --restart starts over%n",
                            what.progressId());
                }
            } catch (IllegalStateException e) {
                return fail(spec, e.getMessage());
            }
            out.flush();
            return 0;
        }
    }

    private static int fail(CommandSpec spec, String message) {
        spec.commandLine().getErr().println("dlq: " + Secrets.maskUrl(message));
        spec.commandLine().getErr().flush();
        return ServiceConfigurationException.EXIT_CODE;
    }
}
