package dev.eventcontracts.contracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/** Plain Avro binary encoding (no registry, no container) for the contract tests. */
final class AvroBinary {

    private AvroBinary() {}

    static byte[] writeSpecific(Schema schema, Object datum) {
        return write(new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema)), datum);
    }

    static byte[] writeGeneric(Schema schema, Object datum) {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
        return write(new GenericDatumWriter<>(schema, model), datum);
    }

    private static byte[] write(org.apache.avro.io.DatumWriter<Object> writer, Object datum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T readSpecific(byte[] bytes, Schema writer, Schema reader) {
        try {
            SpecificDatumReader<T> datumReader =
                    new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
            return datumReader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object readGeneric(byte[] bytes, Schema writer, Schema reader) {
        try {
            GenericData model = new GenericData();
            model.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
            model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
            return new GenericDatumReader<>(writer, reader, model)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
