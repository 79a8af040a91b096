package dev.eventcontracts.serde.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * Everything needed to write values of one schema to one topic once its id is known: the 5-byte header, the
 * writer schema (the record's own, or the subject's latest) and a reusable, thread-safe datum writer.
 */
final class WriteTarget {

    final String subject;
    final int id;
    final boolean specific;
    private final byte[] header;
    private final DatumWriter<Object> writer;
    private final boolean rawBytes;
    private final long expiresAtNanos;
    private final boolean expires;

    WriteTarget(
            String subject, int id, Schema writerSchema, DatumWriter<Object> writer, boolean specific, long ttlNanos) {
        this.subject = subject;
        this.id = id;
        this.header = WireFormat.header(id);
        this.writer = writer;
        this.specific = specific;
        // Confluent writes a bytes value as it is, without Avro's length prefix
        this.rawBytes = writerSchema.getType() == Schema.Type.BYTES;
        this.expires = ttlNanos >= 0;
        this.expiresAtNanos = expires ? System.nanoTime() + ttlNanos : Long.MAX_VALUE;
    }

    boolean expired() {
        return expires && System.nanoTime() - expiresAtNanos > 0;
    }

    byte[] write(Object value, Buffers buffers) throws IOException {
        if (rawBytes) {
            return writeRaw(value);
        }
        ReusableOutput out = buffers.out;
        out.reset();
        out.write(header, 0, header.length);
        BinaryEncoder encoder = buffers.encoder;
        writer.write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private byte[] writeRaw(Object value) {
        byte[] result;
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            result = new byte[WireFormat.HEADER_SIZE + view.remaining()];
            view.get(result, WireFormat.HEADER_SIZE, view.remaining());
        } else {
            byte[] bytes = (byte[]) value;
            result = new byte[WireFormat.HEADER_SIZE + bytes.length];
            System.arraycopy(bytes, 0, result, WireFormat.HEADER_SIZE, bytes.length);
        }
        System.arraycopy(header, 0, result, 0, WireFormat.HEADER_SIZE);
        return result;
    }

    /**
     * One thread's output buffer, the encoder bound to it and the target it wrote last: a thread writing one
     * kind of record to one topic finds its target here without touching memory other threads read.
     */
    static final class Buffers {
        final ReusableOutput out = new ReusableOutput();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        private String lastTopic;
        private Schema lastSchema;
        private WriteTarget lastTarget;

        /** Returns the last target if it is for this topic, schema object and kind of value and still valid. */
        WriteTarget last(String topic, Schema schema, boolean specific) {
            WriteTarget target = lastTarget;
            if (target != null
                    && schema == lastSchema
                    && target.specific == specific
                    && (topic == lastTopic || topic.equals(lastTopic))
                    && !target.expired()) {
                return target;
            }
            return null;
        }

        void remember(String topic, Schema schema, WriteTarget target) {
            lastTopic = topic;
            lastSchema = schema;
            lastTarget = target;
        }
    }
}
