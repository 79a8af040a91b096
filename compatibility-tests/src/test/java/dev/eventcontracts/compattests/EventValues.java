package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds an event with a distinct value in every field, and checks what a reader got against what Avro's
 * specification says it must get: the written value where the reader knows the field, the reader's default
 * where it does not, the enum default for a symbol the reader lacks. The expectation is computed here, from
 * the two schemas, not by Avro's resolver, so the check does not repeat the code it tests.
 */
final class EventValues {

    /** A timestamp every generated {@code long} takes. */
    static final long MILLIS = 1_767_225_600_123L;

    private EventValues() {}

    /** Returns a record of the given schema with every field set; enums take their last symbol. */
    static GenericRecord sample(Schema record) {
        return (GenericRecord) value(record, record.getName());
    }

    private static Object value(Schema s, String path) {
        return switch (s.getType()) {
            case NULL -> null;
            case BOOLEAN -> true;
            case INT -> 3;
            case LONG -> MILLIS;
            case FLOAT -> 1.5f;
            case DOUBLE -> 2.5d;
            case STRING -> path;
            case BYTES ->
                s.getLogicalType() instanceof LogicalTypes.Decimal d
                        ? ByteBuffer.wrap(BigDecimal.valueOf(12_345, 2)
                                .setScale(d.getScale())
                                .unscaledValue()
                                .toByteArray())
                        : ByteBuffer.wrap(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case FIXED -> new GenericData.Fixed(s, new byte[s.getFixedSize()]);
            case ENUM ->
                new GenericData.EnumSymbol(
                        s, s.getEnumSymbols().get(s.getEnumSymbols().size() - 1));
            case ARRAY -> new GenericData.Array<>(s, List.of(value(s.getElementType(), path + "[]")));
            case MAP -> Map.of("k", value(s.getValueType(), path + "{}"));
            case UNION ->
                value(
                        s.getTypes().stream()
                                .filter(t -> t.getType() != Schema.Type.NULL)
                                .findFirst()
                                .orElse(s.getTypes().get(0)),
                        path);
            case RECORD -> {
                GenericData.Record r = new GenericData.Record(s);
                for (Schema.Field f : s.getFields()) {
                    r.put(f.name(), value(f.schema(), path + "." + f.name()));
                }
                yield r;
            }
        };
    }

    /**
     * Asserts that {@code actual}, read with {@code reader}, is what data written as {@code written} with
     * {@code writer} must read as.
     */
    static void assertReadAs(Object actual, Schema reader, Object written, Schema writer, String path) {
        if (reader.getType() == Schema.Type.UNION) {
            if (written == null) {
                assertThat(actual).as(path).isNull();
                return;
            }
            Schema writerBranch = writer.getType() == Schema.Type.UNION ? branchOf(writer, written) : writer;
            Schema readerBranch = reader.getTypes().stream()
                    .filter(b -> sameType(b, writerBranch))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(path + ": reader union has no branch for " + writerBranch));
            assertReadAs(actual, readerBranch, written, writerBranch, path);
            return;
        }
        switch (reader.getType()) {
            case RECORD -> assertRecord(actual, reader, (GenericRecord) written, writer, path);
            case ENUM -> {
                String symbol = written.toString();
                String expected = reader.getEnumSymbols().contains(symbol) ? symbol : reader.getEnumDefault();
                assertThat(actual.toString()).as(path + " (enum)").isEqualTo(expected);
            }
            case ARRAY -> {
                List<?> a = (List<?>) actual;
                List<?> w = (List<?>) written;
                assertThat(a).as(path).hasSameSizeAs(w);
                for (int i = 0; i < a.size(); i++) {
                    assertReadAs(a.get(i), reader.getElementType(), w.get(i), writer.getElementType(), path + "[]");
                }
            }
            default -> assertThat(normalize(actual, reader)).as(path).isEqualTo(normalize(written, writer));
        }
    }

    private static void assertRecord(Object actual, Schema reader, GenericRecord written, Schema writer, String path) {
        assertThat(actual).as(path).isInstanceOf(GenericRecord.class);
        GenericRecord a = (GenericRecord) actual;
        for (Schema.Field f : reader.getFields()) {
            Schema.Field wf = writer.getField(f.name());
            String at = path + "." + f.name();
            if (wf != null) {
                assertReadAs(a.get(f.name()), f.schema(), written.get(wf.name()), wf.schema(), at);
            } else {
                Object expected = GenericData.get().getDefaultValue(f);
                assertThat(normalize(a.get(f.name()), f.schema()))
                        .as(at + " (reader default)")
                        .isEqualTo(normalize(expected, f.schema()));
            }
        }
    }

    private static Schema branchOf(Schema union, Object value) {
        return union.getTypes().get(GenericData.get().resolveUnion(union, value));
    }

    private static boolean sameType(Schema a, Schema b) {
        return a.getType() == b.getType()
                && (a.getType() != Schema.Type.RECORD && a.getType() != Schema.Type.ENUM
                        || a.getFullName().equals(b.getFullName()));
    }

    /** Brings generic and specific representations to one: text, decimals, epoch millis. */
    private static Object normalize(Object v, Schema s) {
        if (v instanceof CharSequence c) {
            return c.toString();
        }
        if (v instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (v instanceof ByteBuffer b && s.getLogicalType() instanceof LogicalTypes.Decimal d) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            return new BigDecimal(new BigInteger(bytes), d.getScale());
        }
        if (v instanceof byte[] bytes && s.getLogicalType() instanceof LogicalTypes.Decimal d) {
            return new BigDecimal(new BigInteger(bytes), d.getScale());
        }
        return v;
    }
}
