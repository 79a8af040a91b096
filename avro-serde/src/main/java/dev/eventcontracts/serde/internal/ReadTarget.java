package dev.eventcontracts.serde.internal;

import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/** One thread's reader for one schema id: a datum reader resolving the writer schema to the reader schema. */
final class ReadTarget {

    final String subject;
    private final DatumReader<Object> reader;
    private final Schema.Type writerType;

    ReadTarget(String subject, Schema writer, DatumReader<Object> reader) {
        this.subject = subject;
        this.reader = reader;
        this.writerType = writer.getType();
    }

    Object read(byte[] array, int offset, int length, Decoders decoders) throws IOException {
        int start = offset + WireFormat.HEADER_SIZE;
        int end = offset + length;
        if (writerType == Schema.Type.BYTES) {
            // Confluent writes bytes raw, without Avro's length prefix
            return Arrays.copyOfRange(array, start, end);
        }
        BinaryDecoder reused = decoders.decoder;
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(array, start, end - start, reused);
        if (decoder != reused) {
            decoders.decoder = decoder; // once per thread: no store per record to the thread's state
        }
        Object result = reader.read(null, decoder);
        return writerType == Schema.Type.STRING ? result.toString() : result;
    }

    /** One thread's decoder and its readers by schema id. */
    static final class Decoders {
        BinaryDecoder decoder;
        final IntCache<ReadTarget> readers = new IntCache<>();
    }
}
