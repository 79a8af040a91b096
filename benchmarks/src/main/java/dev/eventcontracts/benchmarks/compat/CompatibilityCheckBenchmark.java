package dev.eventcontracts.benchmarks.compat;

import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.compat.CompatibilityResult;
import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.schema.AvroSchema;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The compatibility engine on a long history: a 50-field schema checked {@code FULL_TRANSITIVE} against 100
 * live versions (target: under 50 ms per check). {@code compatibleCandidate} is the common case (every version
 * passes, both directions); {@code breakingCandidate} breaks two fields, so every one of the 100 versions
 * yields violations with messages and Confluent's entries. The baselines {@code avroCheckerOnly} and
 * {@code avroCheckerOnlyBreaking} are what Confluent Schema Registry does for the same checks: Avro's
 * {@code SchemaCompatibility} in both directions against every version, without translating anything.
 *
 * <p>Run:
 * <pre>
 * mvn -q -pl registry-client install -DskipTests
 * mvn -q -pl benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar CompatibilityCheckBenchmark -wi 2 -i 3 -f 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompatibilityCheckBenchmark {

    private static final int VERSIONS = 100;

    /** The history and the two candidates, built once. */
    @State(Scope.Benchmark)
    public static class History {
        final CompatibilityChecker checker = CompatibilityChecker.standard();
        List<VersionedSchema> versions;
        AvroSchema compatible;
        AvroSchema breaking;

        /** Builds 100 versions and checks that the candidates pass and fail as intended. */
        @Setup
        public void setUp() {
            versions = SchemaHistory.versions(VERSIONS);
            compatible = SchemaHistory.candidate(VERSIONS, false);
            breaking = SchemaHistory.candidate(VERSIONS, true);
            if (compatible.rawSchema().getFields().size() != SchemaHistory.FIELDS
                    || !checker.check(CompatibilityLevel.FULL_TRANSITIVE, compatible, versions)
                            .isCompatible()) {
                throw new IllegalStateException("the compatible candidate must pass FULL_TRANSITIVE");
            }
            if (checker.check(CompatibilityLevel.FULL_TRANSITIVE, breaking, versions)
                            .violations()
                            .size()
                    < 2 * VERSIONS) {
                throw new IllegalStateException("the breaking candidate must fail against every version");
            }
        }
    }

    /** Our engine, compatible candidate: Avro's checker plus the stricter rules, both directions, 100 versions. */
    @Benchmark
    public CompatibilityResult compatibleCandidate(History h) {
        return h.checker.check(CompatibilityLevel.FULL_TRANSITIVE, h.compatible, h.versions);
    }

    /** Our engine, breaking candidate: every version reports its violations and Confluent's entries. */
    @Benchmark
    public CompatibilityResult breakingCandidate(History h) {
        return h.checker.check(CompatibilityLevel.FULL_TRANSITIVE, h.breaking, h.versions);
    }

    /** Baseline: Avro's checker alone, as Confluent runs it, on the compatible candidate. */
    @Benchmark
    public void avroCheckerOnly(History h, Blackhole bh) {
        avroBothDirections(h.compatible.rawSchema(), h.versions, bh);
    }

    /** Baseline: Avro's checker alone on the breaking candidate (Avro writes both schemas into its message). */
    @Benchmark
    public void avroCheckerOnlyBreaking(History h, Blackhole bh) {
        avroBothDirections(h.breaking.rawSchema(), h.versions, bh);
    }

    private static void avroBothDirections(Schema candidate, List<VersionedSchema> versions, Blackhole bh) {
        for (VersionedSchema old : versions) {
            Schema previous = old.schema().rawSchema();
            bh.consume(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous));
            bh.consume(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate));
        }
    }
}
