package dev.eventcontracts.benchmarks.serde;

import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * buffer, and the reverse with a reused {@code BinaryDecoder}, all per thread — so {@code *_serde} /
 * {@code *_rawAvro} is the serde's overhead at a thread count (target: at most 1.10 at 2 threads, and a slowdown
 * from 1 to 2 threads no worse than raw Avro's plus 10%). The generic baseline reads with the schema as the
 * registry returns it, as the deserializer does, so both build the same objects ({@code Utf8} strings). The
 * {@code serializeMixed} pair alternates the specific and the generic record of one schema object on each
 * thread. One serializer and one deserializer are shared by all benchmark threads, as one producer or consumer
 * shares them.
 *
 * <p>Run every row at 1, 2 and 4 threads, raw Avro and serde in mirrored order (table on standard output):
 * <pre>
 * mvn -q -pl benchmarks package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.serde.SerdeScaling
 * </pre>
 * or one thread count by hand: {@code java -jar benchmarks/target/benchmarks.jar SerdeBenchmark -t 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SerdeBenchmark {

    private static final String TOPIC =
            TopicContracts.load().topicFor(OrderCreated.getClassSchema()).name();

    /** The serde under test and the data, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Serde {
        final OrderCreated order = SampleOrder.specific(1);
        final GenericRecord generic = SampleOrder.generic(order);
        final byte[] body = SampleOrder.avro(order);
        Schema registered;
        AvroSerializer serializer;
        AvroDeserializer specificDeserializer;
        AvroDeserializer genericDeserializer;
        byte[] wire;

        /** Configures the serde against an in-memory registry and checks it writes raw Avro's bytes. */
        @Setup
        public void setUp() throws IOException {
            SchemaRegistry registry = SchemaRegistries.inMemory();
            Map<String, Object> config = Map.of("schema.registry.url", "http://unused:8081");
            serializer = new AvroSerializer(registry, config, false);
            specificDeserializer = new AvroDeserializer(
                    registry, Map.of("schema.registry.url", "http://unused:8081", "specific.avro.reader", true), false);
            genericDeserializer = new AvroDeserializer(registry, config, false);
            wire = serializer.serialize(TOPIC, order);
            byte[] genericWire = serializer.serialize(TOPIC, generic);
            registered =
                    registry.schemaById(ByteBuffer.wrap(wire, 1, 4).getInt()).rawSchema();
            if (!Arrays.equals(Arrays.copyOfRange(wire, 5, wire.length), body)
                    || !Arrays.equals(genericWire, wire)
                    || !order.equals(specificDeserializer.deserialize(TOPIC, wire))
                    || !new Raw().readGeneric(this).equals(genericDeserializer.deserialize(TOPIC, wire))) {
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

    /**
     * The serializer as the order producer configures it: the topic's value subject holds the union of the three
     * event types, {@code use.latest.version=true}, no auto-registration; the events of two order lifecycles,
     * three record classes.
     */
    @State(Scope.Benchmark)
    public static class Events {
        final List<SpecificRecord> events = SampleOrder.lifecycle(1);
        Schema union;
        AvroSerializer serializer;

        /** Registers the union and checks the serializer writes raw Avro's bytes for every event. */
        @Setup
        public void setUp() throws IOException {
            union = SampleOrder.topicUnion();
            serializer = SampleOrder.producerSerializer(SchemaRegistries.inMemory());
            Raw raw = new Raw();
            for (SpecificRecord event : events) {
                byte[] wire = serializer.serialize(TOPIC, event);
                byte[] body = raw.writeEvent(this, event);
                if (!Arrays.equals(Arrays.copyOfRange(wire, 5, wire.length), body)) {
                    throw new IllegalStateException("serde and raw Avro disagree; the comparison would be void");
                }
            }
        }

        /** Releases the serde. */
        @TearDown
        public void tearDown() {
            serializer.close();
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
        GenericDatumReader<GenericRecord> genericReader;
        SpecificDatumWriter<Object> unionWriter;
        BinaryDecoder decoder;
        boolean specificNext;
        final SampleOrder.InTurn inTurn = new SampleOrder.InTurn();

        /** Writes an event with the union as writer schema, as the serializer does with the latest version. */
        byte[] writeEvent(Events e, Object event) throws IOException {
            if (unionWriter == null) {
                unionWriter = SampleOrder.unionWriter(e.union);
            }
            out.reset();
            unionWriter.write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        }

        /** The thread's next event of the lifecycles, in turn. */
        Object next(Events e) {
            return inTurn.next(e.events);
        }

        /** Reads the generic record with the schema as registered, as the deserializer does. */
        GenericRecord readGeneric(Serde s) throws IOException {
            if (genericReader == null) {
                genericReader = new GenericDatumReader<>(s.registered, s.registered, new GenericData());
            }
            decoder = DecoderFactory.get().binaryDecoder(s.body, decoder);
            return genericReader.read(null, decoder);
        }
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

    /** Baseline: raw Avro encoding the specific and the generic record in turn, each with its writer. */
    @Benchmark
    public byte[] serializeMixed_rawAvro(Serde s, Raw r) throws IOException {
        r.specificNext = !r.specificNext;
        r.out.reset();
        if (r.specificNext) {
            r.specificWriter.write(s.order, r.encoder);
        } else {
            r.genericWriter.write(s.generic, r.encoder);
        }
        r.encoder.flush();
        return r.out.toByteArray();
    }

    /** The serializer on the specific and the generic record (one schema object) in turn. */
    @Benchmark
    public byte[] serializeMixed_serde(Serde s, Raw r) {
        r.specificNext = !r.specificNext;
        return s.serializer.serialize(TOPIC, r.specificNext ? s.order : s.generic);
    }

    /** Baseline: raw Avro writing the events of the lifecycles in turn with the union as writer schema. */
    @Benchmark
    public byte[] serializeEvents_rawAvro(Events e, Raw r) throws IOException {
        return r.writeEvent(e, r.next(e));
    }

    /** The serializer as the producer uses it, on the events of the lifecycles in turn. */
    @Benchmark
    public byte[] serializeEvents_serde(Events e, Raw r) {
        return e.serializer.serialize(TOPIC, r.next(e));
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
        return r.readGeneric(s);
    }

    /** The deserializer giving generic records. */
    @Benchmark
    public Object deserializeGeneric_serde(Serde s) {
        return s.genericDeserializer.deserialize(TOPIC, s.wire);
    }
}
