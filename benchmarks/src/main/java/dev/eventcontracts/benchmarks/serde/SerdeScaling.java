package dev.eventcontracts.benchmarks.serde;

import static dev.eventcontracts.benchmarks.Statistics.median;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@link SerdeBenchmark} at several thread counts, each serde row beside raw Avro at the same thread count, in
 * one table: ns per operation per thread, the serde/raw ratio, and each side's slowdown per operation from 1
 * thread to this count (the serde's must stay within raw Avro's plus 10%). Every benchmark runs in a JVM of its
 * own; each pair runs {@code rounds} times in mirrored order (raw, serde, serde, raw, …) and each side's median
 * run counts, so load that drifts during the run weighs on both sides alike. Why the median: two threads on two
 * cores share them with the JIT, GC and the kernel, and one JVM's mean differs from the next one's by up to 30%
 * (raw Avro's specific writes at 2 threads, six JVMs: 656–979 ns/op); the best run rewards whichever side
 * happened to spread wider, the median does not.
 *
 * <p>Run:
 * <pre>
 * mvn -q -pl benchmarks package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.serde.SerdeScaling [threads] [operations] [rounds]
 * </pre>
 * {@code threads} is a comma-separated list (default {@code 1,2,4}); {@code operations} a comma-separated list of
 * {@code serializeSpecific}, {@code serializeGeneric}, {@code serializeEvents} (the producer's case: three record
 * classes written with the topic's union), {@code deserializeSpecific}, {@code deserializeGeneric},
 * {@code serializeMixed} (default: the first five); {@code rounds} the runs of each side per row (default 3). The
 * table (Markdown) goes to standard output, progress to standard error.
 */
public final class SerdeScaling {

    private static final List<String> DEFAULT_OPERATIONS = List.of(
            "serializeSpecific", "serializeGeneric", "serializeEvents", "deserializeSpecific", "deserializeGeneric");

    private SerdeScaling() {}

    /** One row: the median ns/op of each side at one thread count. */
    private record Row(String operation, int threads, double raw, double serde) {}

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args optional thread counts and operations, each comma-separated
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        int[] threadCounts = Arrays.stream((args.length > 0 ? args[0] : "1,2,4").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        List<String> operations = args.length > 1 ? List.of(args[1].split(",")) : DEFAULT_OPERATIONS;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Row> rows = new ArrayList<>();
        for (String operation : operations) {
            for (int threads : threadCounts) {
                List<Double> raw = new ArrayList<>();
                List<Double> serde = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    boolean rawFirst = round % 2 == 0;
                    (rawFirst ? raw : serde).add(score(operation + (rawFirst ? "_rawAvro" : "_serde"), threads));
                    (rawFirst ? serde : raw).add(score(operation + (rawFirst ? "_serde" : "_rawAvro"), threads));
                }
                rows.add(new Row(operation, threads, median(raw), median(serde)));
            }
        }
        System.out.print(table(rows)); // the runner's result: its only standard output
    }

    private static String table(List<Row> rows) {
        Map<String, Row> single = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.threads() == 1) {
                single.put(row.operation(), row);
            }
        }
        StringBuilder table = new StringBuilder(
                "| operation | threads | raw Avro ns/op | serde ns/op | serde/raw | raw slowdown vs 1 thread | serde slowdown vs 1 thread |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Row one = single.get(row.operation());
            String rawSlowdown = one == null ? "–" : format("%.2f", row.raw() / one.raw());
            String serdeSlowdown = one == null ? "–" : format("%.2f", row.serde() / one.serde());
            table.append(format(
                    "| %s | %d | %,.0f | %,.0f | %.2f | %s | %s |%n",
                    row.operation(),
                    row.threads(),
                    row.raw(),
                    row.serde(),
                    row.serde() / row.raw(),
                    rawSlowdown,
                    serdeSlowdown));
        }
        return table.toString();
    }

    private static double score(String benchmark, int threads) throws RunnerException {
        System.err.printf(Locale.ROOT, "%s at %d thread(s)%n", benchmark, threads);
        return new Runner(new OptionsBuilder()
                        .include("SerdeBenchmark\\." + benchmark + "$")
                        .forks(1)
                        .threads(threads)
                        .warmupIterations(3)
                        .warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(5)
                        .measurementTime(TimeValue.milliseconds(500))
                        .mode(Mode.AverageTime)
                        .timeUnit(TimeUnit.NANOSECONDS)
                        .verbosity(VerboseMode.SILENT)
                        .build())
                .runSingle()
                .getPrimaryResult()
                .getScore();
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
