package dev.eventcontracts.benchmarks.serde;

import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The serde's overhead over raw Avro as a paired measurement, for machines where other work shares the CPU:
 * {@link SerdeBenchmark}'s operations on the same objects, but raw Avro and the serde alternate in short batches
 * (raw, serde, serde, raw, ...) in one JVM, and every round yields its own serde/raw ratio. With several threads
 * every thread runs the same batches on the shared serializer and deserializer (raw Avro objects per thread), and
 * a barrier starts each batch on all threads at once: raw Avro runs beside raw Avro and the serde beside the
 * serde, so a cost the serde's threads share shows in the serde's batches only.
 *
 * <p>Reports per operation and thread count: each side's best batch (ns per operation per thread), their ratio,
 * the median of the per-round ratios, and each side's slowdown per operation from 1 thread. The best batch is the
 * verdict on a shared 2-core machine: the scheduler's noise only ever adds time to a batch, and differs from one
 * batch to the next by up to 40%, while a shared cost (a contended cache line, a lock) weighs on every batch of
 * the side that has it, the best one included.
 *
 * <p>Run:
 * <pre>
 * mvn -q -pl benchmarks package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.serde.SerdeOverheadHarness [threads] [operation]
 * </pre>
 * {@code threads} is a comma-separated list (default {@code 1,2}). Without an operation it runs all five in one
 * JVM, where the serde's call sites see every record kind, as in a service that writes several; give one
 * ({@code "serialize specific"}, {@code "serialize generic"}, {@code "serialize events"} — the producer's case:
 * three record classes written with the topic's union —, {@code "deserialize specific"},
 * {@code "deserialize generic"}) to measure it in a JVM of its own, as JMH's forks do.
 * The table goes to standard output, its only output.
 */
public final class SerdeOverheadHarness {

    private static final String TOPIC = dev.eventcontracts.contracts.TopicContracts.load()
            .topicFor(OrderCreated.getClassSchema())
            .name();
    private static final int BATCH = 20_000;
    private static final int WARMUP_ROUNDS = 30;
    private static final int ROUNDS = 40;

    private SerdeOverheadHarness() {}

    /** One operation measured: {@code run()} does it once and returns something to keep it alive. */
    private interface Op {
        int run();
    }

    /** A raw-Avro operation paired with the serde operation doing the same work. */
    private record Pair(String name, Op raw, Op serde) {}

    /** Per-thread result of one pair: best batch of each side, ratio of each round. */
    private record Result(double bestRaw, double bestSerde, double[] ratios) {}

    /** One row: the threads' results of one pair at one thread count. */
    private record Row(String name, int threads, double raw, double serde, double medianRatio) {}

    /**
     * Runs every pair at every thread count and prints the table.
     *
     * @param args optional thread counts (comma-separated, default 1,2) and operation
     * @throws Exception when a thread fails
     */
    public static void main(String[] args) throws Exception {
        int[] threadCounts = Arrays.stream((args.length > 0 ? args[0] : "1,2").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        List<String> operations = args.length > 1
                ? List.of(args[1])
                : List.of(
                        "serialize specific",
                        "serialize generic",
                        "serialize events",
                        "deserialize specific",
                        "deserialize generic");
        Shared shared = new Shared();
        List<Row> rows = new ArrayList<>();
        for (String name : operations) {
            for (int threads : threadCounts) {
                List<Result> results = runThreads(name, shared, threads);
                double[] ratios = results.stream()
                        .flatMapToDouble(r -> Arrays.stream(r.ratios()))
                        .sorted()
                        .toArray();
                rows.add(new Row(
                        name,
                        threads,
                        results.stream().mapToDouble(Result::bestRaw).average().orElseThrow(),
                        results.stream()
                                .mapToDouble(Result::bestSerde)
                                .average()
                                .orElseThrow(),
                        ratios[ratios.length / 2]));
            }
        }
        System.out.print(table(rows)); // the harness's result: its only standard output
    }

    private static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder(
                "| operation | threads | raw Avro ns/op (best batch) | serde ns/op (best batch) | serde/raw"
                        + " | median of round ratios | raw slowdown vs 1 thread | serde slowdown vs 1 thread |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Row one = rows.stream()
                    .filter(r -> r.name().equals(row.name()) && r.threads() == 1)
                    .findFirst()
                    .orElse(null);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %,.0f | %,.0f | %.3f | %.3f | %s | %s |%n",
                    row.name(),
                    row.threads(),
                    row.raw(),
                    row.serde(),
                    row.serde() / row.raw(),
                    row.medianRatio(),
                    one == null ? "–" : String.format(Locale.ROOT, "%.2f", row.raw() / one.raw()),
                    one == null ? "–" : String.format(Locale.ROOT, "%.2f", row.serde() / one.serde())));
        }
        return table.toString();
    }

    private static List<Result> runThreads(String name, Shared shared, int threads) throws Exception {
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Result> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(
                    () -> {
                        try {
                            Pair pair = shared.pair(name, new Raw(shared.registered));
                            Result result = measure(pair, together);
                            synchronized (results) {
                                results.add(result);
                            }
                        } catch (Exception | AssertionError e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                            together.reset(); // the other threads stop waiting for this one
                        }
                    },
                    "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a benchmark thread failed", failures.get(0));
        }
        return results;
    }

    private static Result measure(Pair pair, CyclicBarrier together) throws Exception {
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            batch(pair.raw(), together);
            batch(pair.serde(), together);
        }
        double bestRaw = Double.MAX_VALUE;
        double bestSerde = Double.MAX_VALUE;
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            boolean rawFirst = round % 2 == 0;
            double first = batch(rawFirst ? pair.raw() : pair.serde(), together);
            double second = batch(rawFirst ? pair.serde() : pair.raw(), together);
            double raw = rawFirst ? first : second;
            double serde = rawFirst ? second : first;
            bestRaw = Math.min(bestRaw, raw);
            bestSerde = Math.min(bestSerde, serde);
            ratios[round] = serde / raw;
        }
        return new Result(bestRaw, bestSerde, ratios);
    }

    /** Returns ns per operation over one batch, started on every thread at once. */
    private static double batch(Op op, CyclicBarrier together) throws Exception {
        together.await();
        int sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            sink += op.run();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.err.print(""); // keeps the results alive
        }
        return (double) elapsed / BATCH;
    }

    /** The serde and the data, shared by all threads, as one producer or consumer shares its serde. */
    private static final class Shared {
        final OrderCreated order = SampleOrder.specific(1);
        final GenericRecord generic = SampleOrder.generic(order);
        final byte[] body = SampleOrder.avro(order);
        final AvroSerializer serializer;
        final AvroDeserializer specificDeserializer;
        final AvroDeserializer genericDeserializer;
        final byte[] wire;
        final Schema registered;
        final List<SpecificRecord> events = SampleOrder.lifecycle(1);
        final AvroSerializer eventSerializer = SampleOrder.producerSerializer(SchemaRegistries.inMemory());

        Shared() {
            SchemaRegistry registry = SchemaRegistries.inMemory();
            serializer = new AvroSerializer(registry, Map.of("schema.registry.url", "http://unused:8081"), false);
            specificDeserializer = new AvroDeserializer(
                    registry, Map.of("schema.registry.url", "http://unused:8081", "specific.avro.reader", true), false);
            genericDeserializer =
                    new AvroDeserializer(registry, Map.of("schema.registry.url", "http://unused:8081"), false);
            wire = serializer.serialize(TOPIC, order);
            registered =
                    registry.schemaById(ByteBuffer.wrap(wire, 1, 4).getInt()).rawSchema();
            if (!Arrays.equals(Arrays.copyOfRange(wire, 5, wire.length), body)) {
                throw new IllegalStateException("serde and raw Avro disagree; the comparison would be void");
            }
        }

        Pair pair(String name, Raw raw) {
            return switch (name) {
                case "serialize specific" ->
                    new Pair(
                            name,
                            () -> raw.encode(raw.specificWriter, order).length,
                            () -> serializer.serialize(TOPIC, order).length);
                case "serialize generic" ->
                    new Pair(
                            name,
                            () -> raw.encode(raw.genericWriter, generic).length,
                            () -> serializer.serialize(TOPIC, generic).length);
                case "serialize events" ->
                    new Pair(
                            name,
                            () -> raw.encode(raw.unionWriter, raw.inTurn.next(events)).length,
                            () -> eventSerializer.serialize(TOPIC, raw.inTurn.next(events)).length);
                case "deserialize specific" ->
                    new Pair(
                            name,
                            () -> raw.decode(raw.specificReader, body).hashCode(),
                            () -> specificDeserializer.deserialize(TOPIC, wire).hashCode());
                case "deserialize generic" ->
                    new Pair(
                            name,
                            () -> raw.decode(raw.genericReader, body).hashCode(),
                            () -> genericDeserializer.deserialize(TOPIC, wire).hashCode());
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    /**
     * Raw Avro, reused per thread exactly as in {@link SerdeBenchmark.Raw}: generic records are read with the
     * schema as registered, as the deserializer reads them.
     */
    private static final class Raw {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        final SpecificDatumWriter<Object> specificWriter = new SpecificDatumWriter<>(OrderCreated.getClassSchema());
        final GenericDatumWriter<Object> genericWriter =
                new GenericDatumWriter<>(OrderCreated.getClassSchema(), SampleOrder.convertingModel());
        final SpecificDatumReader<Object> specificReader = new SpecificDatumReader<>(OrderCreated.getClassSchema());
        final GenericDatumReader<Object> genericReader;
        final SpecificDatumWriter<Object> unionWriter = SampleOrder.unionWriter(SampleOrder.topicUnion());
        BinaryDecoder decoder;
        final SampleOrder.InTurn inTurn = new SampleOrder.InTurn();

        Raw(Schema registered) {
            genericReader = new GenericDatumReader<>(registered, registered, new GenericData());
        }

        byte[] encode(org.apache.avro.io.DatumWriter<Object> writer, Object datum) {
            try {
                out.reset();
                writer.write(datum, encoder);
                encoder.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Object decode(org.apache.avro.io.DatumReader<Object> reader, byte[] bytes) {
            try {
                decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
                return reader.read(null, decoder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
