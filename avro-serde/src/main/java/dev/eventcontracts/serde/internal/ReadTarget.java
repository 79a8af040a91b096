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
        // re-points the thread's decoder in place; it returns the same object
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(array, start, end - start, decoders.decoder);
        Object result = reader.read(null, decoder);
        return writerType == Schema.Type.STRING ? result.toString() : result;
    }

    /**
     * One thread's decoder and its readers by schema id. The decoder is made with the thread's state, not on its
     * first record, so that it is not allocated right next to the readers' shared decoding plans, which Avro
     * builds on the first read: the decoder is written on every record, the plans are read by every thread.
     */
    static final class Decoders {
        final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(new byte[0], null);
        final IntCache<ReadTarget> readers = new IntCache<>();
    }
}
