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

    private ReplayStartupHarness() {}

    /**
     * Runs the measurement.
     *
     * @param args optional schema counts, default {@code 1000 10000 50000} (an empty topic is always measured)
     */
    public static void main(String[] args) throws Exception {
        List<Integer> counts = args.length == 0
                ? List.of(1_000, 10_000, 50_000)
                : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        StringBuilder table = new StringBuilder(String.format(
                "%n%10s | %22s | %s%n",
                "schemas", "JVM launch to ready (ms)", "replay in start() (ms, from the registry's log)"));
        try (KafkaCluster kafka = KafkaCluster.builder().start()) {
            // warm-up: the first registry on a cluster also creates Kafka's transaction state topic
            launchMillis(kafka, "_schemas-warmup-" + UUID.randomUUID(), "harness-warmup");
            List<Integer> all = new java.util.ArrayList<>(List.of(0));
            all.addAll(counts);
            for (int count : all) {
                String topic = "_schemas-harness-" + count + "-" + UUID.randomUUID();
                kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
                if (count > 0) {
                    RestartIT.writeSchemasToTopic(kafka.bootstrapServers(), topic, count);
                }
                Measured m = launchMillis(kafka, topic, "harness-" + count);
                table.append(String.format("%,10d | %22d | %s%n", count, m.millis, m.replayMillis));
            }
        }
        System.out.println(table); // the harness's output is its table
    }

    private record Measured(long millis, String replayMillis) {}

    private static Measured launchMillis(KafkaCluster kafka, String topic, String name) {
        long start = System.nanoTime();
        try (RegistryProcess registry = RegistryProcess.launch(
                name, RegistryProcess.onTopic(kafka.bootstrapServers(), topic), "-XX:TieredStopAtLevel=4", "-Xmx1g")) {
            registry.awaitReady(Duration.ofMinutes(5));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            java.util.regex.Matcher replay = java.util.regex.Pattern.compile("Replayed the store topic .* in (\\d+) ms")
                    .matcher(registry.log());
            return new Measured(millis, replay.find() ? replay.group(1) : "?");
        }
    }
}
