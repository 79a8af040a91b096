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

/**
 * The serde's overhead over raw Avro as a paired measurement, for machines where other work shares the CPU:
 * {@link SerdeBenchmark}'s operations on the same objects, but raw Avro and the serde alternate in short batches
 * (raw, serde, serde, raw, ...) and every round yields its own serde/raw ratio, so load that comes and goes
 * affects both sides of a ratio alike. Reports per operation: the best batch's ns/op of each side and the median
 * of the per-round ratios. With 2 threads each thread runs the same rounds on the shared serializer and
 * deserializer (raw Avro objects per thread), started together.
 *
 * <p>Run:
 * <pre>
 * mvn -q -pl benchmarks package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.serde.SerdeOverheadHarness [threads] [operation]
 * </pre>
 * Without an operation it runs all four in one JVM, where the serde's call sites see both record kinds; give one
 * ({@code "serialize specific"}, {@code "serialize generic"}, {@code "deserialize specific"},
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

    /**
     * Runs every pair and prints the table.
     *
     * @param args optional thread count, default 1
     * @throws Exception when a thread fails
     */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<String> operations = args.length > 1
                ? List.of(args[1])
                : List.of("serialize specific", "serialize generic", "deserialize specific", "deserialize generic");
        Shared shared = new Shared();
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "%-22s %8s %12s %12s %14s%n",
                "operation",
                "threads",
                "raw ns/op",
                "serde ns/op",
                "serde/raw"));
        long sink = 0;
        for (String name : operations) {
            List<Result> results = runThreads(name, shared, threads);
            double raw = results.stream().mapToDouble(Result::bestRaw).average().orElseThrow();
            double serde =
                    results.stream().mapToDouble(Result::bestSerde).average().orElseThrow();
            double[] ratios = results.stream()
                    .flatMapToDouble(r -> Arrays.stream(r.ratios()))
                    .sorted()
                    .toArray();
            table.append(String.format(
                    Locale.ROOT,
                    "%-22s %8d %12.0f %12.0f %14.3f%n",
                    name,
                    threads,
                    raw,
                    serde,
                    ratios[ratios.length / 2]));
            sink += ratios.length;
        }
        System.out.print(table); // the harness's result: its only standard output
        System.err.println("rounds: " + sink);
    }

    private static List<Result> runThreads(String name, Shared shared, int threads) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Result> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(
                    () -> {
                        try {
                            Pair pair = shared.pair(name, new Raw(shared.registered));
                            start.await();
                            Result result = measure(pair);
                            synchronized (results) {
                                results.add(result);
                            }
                        } catch (Exception | AssertionError e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
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

    private static Result measure(Pair pair) {
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            batch(pair.raw());
            batch(pair.serde());
        }
        double bestRaw = Double.MAX_VALUE;
        double bestSerde = Double.MAX_VALUE;
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            boolean rawFirst = round % 2 == 0;
            double first = batch(rawFirst ? pair.raw() : pair.serde());
            double second = batch(rawFirst ? pair.serde() : pair.raw());
            double raw = rawFirst ? first : second;
            double serde = rawFirst ? second : first;
            bestRaw = Math.min(bestRaw, raw);
            bestSerde = Math.min(bestSerde, serde);
            ratios[round] = serde / raw;
        }
        return new Result(bestRaw, bestSerde, ratios);
    }

    /** Returns ns per operation over one batch. */
    private static double batch(Op op) {
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
        BinaryDecoder decoder;

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
