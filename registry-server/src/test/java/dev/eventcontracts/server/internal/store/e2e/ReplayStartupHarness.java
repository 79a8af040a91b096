package dev.eventcontracts.server.internal.store.e2e;

import dev.eventcontracts.devstack.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long a registry takes from launching its JVM to answering requests when its store topic already
 * holds N schemas (written straight to the topic in Confluent's format), and prints a table. A harness, not a
 * test: the figures depend on the machine.
 *
 * <p>Run after {@code mvn -o -pl registry-server test-compile}:
 * <pre>
 * mvn -o -q -pl registry-server exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.eventcontracts.server.internal.store.e2e.ReplayStartupHarness
 * </pre>
 * (from the repository root; the child JVMs run with the same classpath).
 */
public final class ReplayStartupHarness {

    private ReplayStartupHarness() {
    }

    /**
     * Runs the measurement.
     *
     * @param args optional schema counts, default {@code 1000 10000 50000}
     */
    public static void main(String[] args) throws Exception {
        List<Integer> counts = args.length == 0 ? List.of(1_000, 10_000, 50_000)
                : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        StringBuilder table = new StringBuilder(String.format("%n%10s | %12s | %12s | %s%n", "schemas",
                "empty (ms)", "launch (ms)", "registry's own replay log line"));
        try (KafkaCluster kafka = KafkaCluster.builder().start()) {
            long baseline = launchMillis(kafka, "_schemas-empty-" + UUID.randomUUID(), "baseline").millis;
            for (int count : counts) {
                String topic = "_schemas-harness-" + count + "-" + UUID.randomUUID();
                kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
                RestartIT.writeSchemasToTopic(kafka.bootstrapServers(), topic, count);
                Measured m = launchMillis(kafka, topic, "harness-" + count);
                table.append(String.format("%,10d | %12d | %12d | %s%n", count, baseline, m.millis, m.replayLine));
            }
        }
        System.out.println(table); // the harness's output is its table
    }

    private record Measured(long millis, String replayLine) {
    }

    private static Measured launchMillis(KafkaCluster kafka, String topic, String name) {
        long start = System.nanoTime();
        try (RegistryProcess registry = RegistryProcess.launch(name, Map.of(
                "kafkastore.bootstrap.servers", kafka.bootstrapServers(),
                "kafkastore.topic", topic,
                "schema.registry.group.id", "group-" + topic), "-XX:TieredStopAtLevel=4", "-Xmx1g")) {
            registry.awaitReady(Duration.ofMinutes(5));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new Measured(millis, RestartIT.replayLine(registry));
        }
    }
}
