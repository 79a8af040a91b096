package dev.eventcontracts.compat.internal;

import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Logical-type changes Avro's checker lets through because it compares only the underlying types
 * (AVRO-2078): decimal scale and precision, time and timestamp units, and logical types added, removed or
 * replaced. Each one changes what the stored bytes mean, so data is misread without any error.
 */
final class LogicalTypeRules {

    private static final List<List<String>> UNIT_FAMILIES = List.of(
            List.of("timestamp-millis", "timestamp-micros", "timestamp-nanos"),
            List.of("local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos"),
            List.of("time-millis", "time-micros"));

    private LogicalTypeRules() {}

    /** Adds the violations for reading {@code writer} values as {@code reader}; both are readable leaf types. */
    static void compare(Reading r, Schema reader, Schema writer, Pointer at, List<Violation> out) {
        LogicalType lr = reader.getLogicalType();
        LogicalType lw = writer.getLogicalType();
        if (lr == null && lw == null) {
            return;
        }
        if (lr instanceof LogicalTypes.Decimal dr && lw instanceof LogicalTypes.Decimal dw) {
            decimal(r, dr, dw, at, out);
            return;
        }
        String nr = lr == null ? null : lr.getName();
        String nw = lw == null ? null : lw.getName();
        if (Objects.equals(nr, nw)) {
            return;
        }
        String pointer = at.toString();
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        String name = AvroFindings.lastName(path);
        String oldType = TypeNames.logicalOrNone(r.backward() ? writer : reader);
        String newType = TypeNames.logicalOrNone(r.backward() ? reader : writer);
        if (sameFamily(nr, nw)) {
            out.add(r.violation(
                    Rule.TIMESTAMP_UNIT_CHANGED,
                    pointer,
                    "Field '" + path + "': " + oldType + " -> " + newType + " breaks " + r.breaks() + " against "
                            + r.oldName() + ": " + r.readerName() + " would read values written in " + unit(nw)
                            + " as " + unit(nr) + ", " + factor(nr, nw) + " times off."
                            + stricter(Rule.TIMESTAMP_UNIT_CHANGED, "Avro's checker ignores logical types"),
                    "keep " + oldType + " on `" + name + "`; for another unit add a new field"));
            return;
        }
        out.add(r.violation(
                Rule.LOGICAL_TYPE_CHANGED,
                pointer,
                "Field '" + path + "': logical type " + oldType + " -> " + newType + " breaks " + r.breaks()
                        + " against " + r.oldName() + ": " + r.readerName() + " would give the stored "
                        + writer.getType().getName() + " values another meaning."
                        + stricter(Rule.LOGICAL_TYPE_CHANGED, "Avro's checker ignores logical types"),
                "keep " + oldType + " on `" + name + "`, or add a new field with the new logical type"));
    }

    private static void decimal(
            Reading r, LogicalTypes.Decimal reader, LogicalTypes.Decimal writer, Pointer at, List<Violation> out) {
        boolean scale = reader.getScale() != writer.getScale();
        boolean precision = reader.getPrecision() < writer.getPrecision();
        if (!scale && !precision) {
            return;
        }
        String pointer = at.toString();
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        String name = AvroFindings.lastName(path);
        LogicalTypes.Decimal oldD = r.backward() ? writer : reader;
        LogicalTypes.Decimal newD = r.backward() ? reader : writer;
        if (scale) {
            BigInteger unscaled = BigInteger.valueOf(12345);
            out.add(r.violation(
                    Rule.DECIMAL_SCALE_CHANGED,
                    pointer,
                    "Field '" + path + "': decimal scale " + oldD.getScale() + " -> " + newD.getScale() + " breaks "
                            + r.breaks() + " against " + r.oldName() + ": " + r.readerName()
                            + " would read the stored unscaled values with scale " + reader.getScale()
                            + ", so a written " + new BigDecimal(unscaled, writer.getScale()).toPlainString()
                            + " would be read as " + new BigDecimal(unscaled, reader.getScale()).toPlainString()
                            + "."
                            + stricter(
                                    Rule.DECIMAL_SCALE_CHANGED,
                                    "Avro's checker ignores decimal scale and precision (AVRO-2078)"),
                    "keep scale " + oldD.getScale() + " on `" + name + "`; for another scale add a new field"));
        }
        if (precision) {
            out.add(r.violation(
                    Rule.DECIMAL_PRECISION_CHANGED,
                    pointer,
                    "Field '" + path + "': decimal precision " + oldD.getPrecision() + " -> " + newD.getPrecision()
                            + " breaks " + r.breaks() + " against " + r.oldName() + ": " + r.writtenData()
                            + " may hold " + writer.getPrecision() + " digits, but " + r.readerName() + " allows only "
                            + reader.getPrecision() + "."
                            + stricter(
                                    Rule.DECIMAL_PRECISION_CHANGED,
                                    "Avro's checker ignores decimal scale and precision (AVRO-2078)"),
                    "keep precision " + oldD.getPrecision() + " on `" + name + "`"
                            + (r.backward() ? " or raise it" : "")));
        }
    }

    /** The sentence every stricter-than-Confluent message ends with. */
    static String stricter(Rule rule, String why) {
        return " Confluent Schema Registry accepts this change because " + why + "; eventcontracts refuses it (rule "
                + rule + ", which can be relaxed).";
    }

    private static boolean sameFamily(String a, String b) {
        return a != null && b != null && UNIT_FAMILIES.stream().anyMatch(f -> f.contains(a) && f.contains(b));
    }

    private static String unit(String logicalName) {
        return logicalName.substring(logicalName.lastIndexOf('-') + 1);
    }

    private static String factor(String a, String b) {
        int diff = Math.abs(exponent(unit(a)) - exponent(unit(b)));
        return BigInteger.TEN.pow(diff).toString();
    }

    private static int exponent(String unit) {
        return switch (unit) {
            case "millis" -> 3;
            case "micros" -> 6;
            default -> 9;
        };
    }
}
