package dev.eventcontracts.benchmarks.serde;

import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The serde against raw Avro on the same objects: serialize and deserialize an {@code OrderCreated} with three
 * line items, specific and generic. The {@code *_rawAvro} methods are the baseline — a reused
 * {@code SpecificDatumWriter}/{@code GenericDatumWriter} with a reused {@code BinaryEncoder} into a reused
 * buffer, and the reverse with a reused {@code BinaryDecoder} — so {@code *_serde} / {@code *_rawAvro} is the
 * serde's overhead (target: at most 1.15 in each direction, and no slowdown per operation at 2 threads). The
 * names sort each serde method right after its baseline, so both run under the same machine load. One
 * serializer and one deserializer are shared by all benchmark threads, as one producer or consumer shares them.
 *
 * <p>Run (both thread counts):
 * <pre>
 * mvn -q -pl benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SerdeBenchmark -f 1 -wi 3 -i 5 -t 1
 * java -jar benchmarks/target/benchmarks.jar SerdeBenchmark -f 1 -wi 3 -i 5 -t 2
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SerdeBenchmark {

    private static final String TOPIC = dev.eventcontracts.contracts.TopicContracts.load()
            .topicFor(OrderCreated.getClassSchema())
            .name();

    /** The serde under test and the data, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Serde {
        final OrderCreated order = SampleOrder.specific(1);
        final GenericRecord generic = SampleOrder.generic(order);
        final byte[] body = SampleOrder.avro(order);
        AvroSerializer serializer;
        AvroDeserializer specificDeserializer;
        AvroDeserializer genericDeserializer;
        byte[] wire;

        /** Configures the serde against an in-memory registry and checks it writes raw Avro's bytes. */
        @Setup
        public void setUp() {
            SchemaRegistry registry = SchemaRegistries.inMemory();
            Map<String, Object> config = Map.of("schema.registry.url", "http://unused:8081");
            serializer = new AvroSerializer(registry, config, false);
            specificDeserializer = new AvroDeserializer(
                    registry, Map.of("schema.registry.url", "http://unused:8081", "specific.avro.reader", true), false);
            genericDeserializer = new AvroDeserializer(registry, config, false);
            wire = serializer.serialize(TOPIC, order);
            byte[] genericWire = serializer.serialize(TOPIC, generic);
            if (!Arrays.equals(Arrays.copyOfRange(wire, 5, wire.length), body)
                    || !Arrays.equals(genericWire, wire)
                    || !order.equals(specificDeserializer.deserialize(TOPIC, wire))) {
                throw new IllegalStateException("serde and raw Avro disagree; the comparison would be void");
            }
        }

        /** Releases the serde. */
        @TearDown
        public void tearDown() {
            serializer.close();
            specificDeserializer.close();
            genericDeserializer.close();
        }
    }

    /** Raw Avro: one writer, reader, encoder, decoder and buffer per thread, all reused. */
    @State(Scope.Thread)
    public static class Raw {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        final SpecificDatumWriter<OrderCreated> specificWriter = new SpecificDatumWriter<>(OrderCreated.class);
        final GenericDatumWriter<GenericRecord> genericWriter =
                new GenericDatumWriter<>(OrderCreated.getClassSchema(), SampleOrder.convertingModel());
        final SpecificDatumReader<OrderCreated> specificReader = new SpecificDatumReader<>(OrderCreated.class);
        final GenericDatumReader<GenericRecord> genericReader = new GenericDatumReader<>(
                OrderCreated.getClassSchema(), OrderCreated.getClassSchema(), new GenericData());
        BinaryDecoder decoder;
    }

    /** Baseline: raw Avro encoding of the specific record. */
    @Benchmark
    public byte[] serializeSpecific_rawAvro(Serde s, Raw r) throws IOException {
        r.out.reset();
        r.specificWriter.write(s.order, r.encoder);
        r.encoder.flush();
        return r.out.toByteArray();
    }

    /** The serializer on the specific record. */
    @Benchmark
    public byte[] serializeSpecific_serde(Serde s) {
        return s.serializer.serialize(TOPIC, s.order);
    }

    /** Baseline: raw Avro encoding of the generic record. */
    @Benchmark
    public byte[] serializeGeneric_rawAvro(Serde s, Raw r) throws IOException {
        r.out.reset();
        r.genericWriter.write(s.generic, r.encoder);
        r.encoder.flush();
        return r.out.toByteArray();
    }

    /** The serializer on the generic record. */
    @Benchmark
    public byte[] serializeGeneric_serde(Serde s) {
        return s.serializer.serialize(TOPIC, s.generic);
    }

    /** Baseline: raw Avro decoding into the specific class. */
    @Benchmark
    public OrderCreated deserializeSpecific_rawAvro(Serde s, Raw r) throws IOException {
        r.decoder = DecoderFactory.get().binaryDecoder(s.body, r.decoder);
        return r.specificReader.read(null, r.decoder);
    }

    /** The deserializer with {@code specific.avro.reader=true}. */
    @Benchmark
    public Object deserializeSpecific_serde(Serde s) {
        return s.specificDeserializer.deserialize(TOPIC, s.wire);
    }

    /** Baseline: raw Avro decoding into a generic record. */
    @Benchmark
    public GenericRecord deserializeGeneric_rawAvro(Serde s, Raw r) throws IOException {
        r.decoder = DecoderFactory.get().binaryDecoder(s.body, r.decoder);
        return r.genericReader.read(null, r.decoder);
    }

    /** The deserializer giving generic records. */
    @Benchmark
    public Object deserializeGeneric_serde(Serde s) {
        return s.genericDeserializer.deserialize(TOPIC, s.wire);
    }
}
