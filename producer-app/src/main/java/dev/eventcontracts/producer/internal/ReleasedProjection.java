package dev.eventcontracts.producer.internal;

import dev.eventcontracts.contracts.ReleasedContracts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns an event built with the current generated classes into the {@link GenericRecord} a service built
 * against an older released contract would have produced.
 *
 * <p>Why through Avro's schema resolution (write with the current schema, read with the released one) and not
 * field by field: resolution applies exactly the contract's evolution rules — a field the old version lacks is
 * dropped, an enum symbol it lacks becomes its default — so the projection cannot drift from the contracts.
 * Logical values stay in their raw Avro form ({@code bytes} for decimals, {@code long} for timestamps), which
 * any serializer writes. Thread-safe.
 */
public final class ReleasedProjection {

    private final ReleasedContracts release;
    private final Map<Schema, Coder> coders = new ConcurrentHashMap<>();

    /**
     * Creates a projection onto one release.
     *
     * @param release the released contracts to project onto; never null
     */
    public ReleasedProjection(ReleasedContracts release) {
        this.release = Objects.requireNonNull(release, "release");
    }

    /**
     * Projects one event.
     *
     * @param event an event of the current contracts; never null
     * @return the same event as a record of the release's schema; never null
     * @throws IllegalArgumentException when the release has no type of that name
     */
    public GenericRecord project(SpecificRecord event) {
        Coder coder = coders.computeIfAbsent(
                event.getSchema(), writer -> new Coder(writer, release.type(writer.getFullName())));
        return coder.project(event);
    }

    private static final class Coder {
        private final SpecificDatumWriter<SpecificRecord> writer;
        private final GenericDatumReader<GenericRecord> reader;

        Coder(Schema writerSchema, Schema readerSchema) {
            this.writer = new SpecificDatumWriter<>(writerSchema);
            this.reader = new GenericDatumReader<>(writerSchema, readerSchema, new GenericData());
        }

        GenericRecord project(SpecificRecord event) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(256);
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
                writer.write(event, encoder);
                encoder.flush();
                BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
                return reader.read(null, decoder);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot project " + event.getSchema().getFullName(), e);
            }
        }
    }
}
