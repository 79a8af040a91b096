package dev.eventcontracts.benchmarks.serde;

import dev.eventcontracts.orders.OrderCreated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The end-to-end baseline: Kafka serializer and deserializer that call Avro's {@code SpecificDatumWriter} and
 * {@code SpecificDatumReader} inline — no registry, no wire-format prefix, writer and reader reused. What any
 * Avro serde must at least spend, so a serde pipeline divided by this one measures only what a serde can change.
 * The deserializer reads Kafka's fetch buffer in place, as {@code AvroDeserializer} does. Each instance serves
 * one thread (the producer's sending thread, the consumer's polling thread), as in the harness.
 */
final class RawAvroSerde {

    private RawAvroSerde() {}

    /** Writes an {@code OrderCreated} as bare Avro binary. */
    static final class Writer implements Serializer<OrderCreated> {
        private final SpecificDatumWriter<OrderCreated> writer = new SpecificDatumWriter<>(OrderCreated.class);
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);

        @Override
        public byte[] serialize(String topic, OrderCreated data) {
            try {
                out.reset();
                writer.write(data, encoder);
                encoder.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new SerializationException("raw Avro could not write the event", e);
            }
        }
    }

    /** Reads bare Avro binary into an {@code OrderCreated}. */
    static final class Reader implements Deserializer<OrderCreated> {
        private final SpecificDatumReader<OrderCreated> reader = new SpecificDatumReader<>(OrderCreated.class);
        private BinaryDecoder decoder;

        @Override
        public OrderCreated deserialize(String topic, byte[] data) {
            return read(data, 0, data.length);
        }

        @Override
        public OrderCreated deserialize(String topic, Headers headers, ByteBuffer data) {
            if (!data.hasArray()) {
                byte[] copy = new byte[data.remaining()];
                data.duplicate().get(copy);
                return deserialize(topic, copy);
            }
            return read(data.array(), data.arrayOffset() + data.position(), data.remaining());
        }

        private OrderCreated read(byte[] array, int offset, int length) {
            try {
                decoder = DecoderFactory.get().binaryDecoder(array, offset, length, decoder);
                return reader.read(null, decoder);
            } catch (IOException e) {
                throw new SerializationException("raw Avro could not read the event", e);
            }
        }
    }
}
