package dev.eventcontracts.demo;

import dev.eventcontracts.consumer.OrderReadModel;
import dev.eventcontracts.consumer.ProcessingStats;
import dev.eventcontracts.producer.ProduceSummary;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the demo's summary as it happens, one labelled line per step, and remembers whether every produced
 * event reached every read model exactly once.
 */
final class DemoReport {

    /**
     * What one consumer group did.
     *
     * @param group the consumer group
     * @param contractVersion the contract version it reads with
     * @param stats its counts
     * @param expected the records it should have handled
     * @param elapsedMillis how long the wait took
     */
    record Consumed(String group, int contractVersion, ProcessingStats stats, long expected, long elapsedMillis) {}

    private final PrintWriter out;
    private long producedEvents;
    private boolean exactlyOnce = true;

    DemoReport(PrintWriter out) {
        this.out = out;
    }

    void title(int eventsPerVersion) {
        line(
                "demo",
                "eventcontracts: " + eventsPerVersion + " order events as contract v1, " + eventsPerVersion
                        + " as v2, a few poison records; two consumers (v2 and v1)");
    }

    void stack(String description, long millis) {
        line("stack", description + (millis > 0 ? " (up in " + millis + " ms)" : ""));
    }

    void topics(List<TopicSetup.Topic> topics) {
        line(
                "topics",
                topics.stream()
                        .map(t -> t.name() + " (" + t.partitions() + " partitions, replication " + t.replicationFactor()
                                + (t.created() ? ", created" : ", existed") + ")")
                        .collect(Collectors.joining(", ")));
    }

    void registered(int version, List<ContractRegistrar.RegisteredSubject> subjects) {
        long created = subjects.stream()
                .filter(ContractRegistrar.RegisteredSubject::created)
                .count();
        line(
                "register",
                "contract v" + version + ": " + subjects.size() + " subjects, " + created + " new versions: "
                        + subjects.stream()
                                .filter(ContractRegistrar.RegisteredSubject::created)
                                .map(s -> s.subject() + " v" + s.version() + " (id " + s.id() + ")")
                                .collect(Collectors.joining(", ")));
    }

    void produced(List<ProduceSummary> summaries) {
        for (ProduceSummary s : summaries) {
            producedEvents += s.acknowledged();
            exactlyOnce &= s.failed() == 0;
            line(
                    "produce",
                    String.format(
                            "contract v%d: %d events acknowledged %s, %d failed, %d ms (%.0f/s)",
                            s.contractVersion(),
                            s.acknowledged(),
                            s.acknowledgedByType(),
                            s.failed(),
                            s.elapsed().toMillis(),
                            s.eventsPerSecond()));
        }
    }

    void poison(List<PoisonRecords.Written> poison) {
        line(
                "poison",
                poison.size() + " records: "
                        + poison.stream().map(PoisonRecords.Written::kind).collect(Collectors.joining(", ")));
    }

    void consumed(List<Consumed> consumed) {
        for (Consumed c : consumed) {
            ProcessingStats s = c.stats();
            exactlyOnce &= s.handled() == c.expected();
            line(
                    "consume",
                    String.format(
                            "group %s (contract v%d): %d of %d records handled: %d applied, "
                                    + "%d duplicates skipped, %d dead-lettered, %d retries; caught up after %d ms",
                            c.group(),
                            c.contractVersion(),
                            s.handled(),
                            c.expected(),
                            s.applied(),
                            s.duplicates(),
                            s.deadLettered(),
                            s.retries(),
                            c.elapsedMillis()));
        }
    }

    void readModels(Map<String, OrderReadModel> readModels) throws SQLException {
        for (Map.Entry<String, OrderReadModel> entry : readModels.entrySet()) {
            OrderReadModel.Totals totals = entry.getValue().totals();
            boolean once = totals.appliedEvents() == producedEvents && totals.eventCountSum() == producedEvents;
            exactlyOnce &= once;
            line(
                    "read model",
                    String.format(
                            "%s: %d orders %s; %d events applied, sum of per-order event counts "
                                    + "%d%s; %d decoded but rejected by the business rules",
                            entry.getKey(),
                            totals.orders(),
                            entry.getValue().ordersByStatus(),
                            totals.appliedEvents(),
                            totals.eventCountSum(),
                            once ? " = events produced: exactly once" : " != " + producedEvents + " events produced",
                            totals.deadLetteredEvents()));
        }
    }

    void deadLetters(String topic, Map<String, Map<String, Long>> counts) {
        long total = counts.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        line(
                "dlq",
                topic + ": " + total + " records; "
                        + counts.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining("; ")));
    }

    void subjects(Map<String, List<Integer>> subjects) {
        line(
                "registry",
                subjects.size() + " subjects: "
                        + subjects.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")));
    }

    void stopped(long millis) {
        line("stop", "registry and Kafka stopped in " + millis + " ms");
    }

    void total(long millis) {
        line(
                "done",
                String.format(
                        "in %.1f s: %s",
                        millis / 1000.0,
                        exactlyOnce
                                ? "every event is in each read model exactly once"
                                : "NOT every event reached each read model exactly once (see above)"));
    }

    boolean allExactlyOnce() {
        return exactlyOnce;
    }

    private void line(String label, String text) {
        out.printf("%-10s %s%n", "[" + label + "]", text);
        out.flush();
    }
}
