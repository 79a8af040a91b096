package dev.eventcontracts.compat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Checks a default value against its type as the Avro specification states it, which is stricter than what
 * Avro for Java accepts when parsing: enum defaults must be symbols, fixed defaults must have the fixed size,
 * decimal defaults must fit the precision, and a union's default must match its <em>first</em> branch (Avro
 * for Java accepts any branch since 1.11.3, AVRO-3649; readers in other languages and older Java versions
 * read the default with the first branch).
 */
final class DefaultValues {

    private static final Set<String> SPECIAL_FLOATS = Set.of("NaN", "Infinity", "-Infinity");

    private DefaultValues() {}

    /**
     * Returns why {@code value} is not a valid default of {@code type}, or null when it is.
     *
     * @param type the field's type; never null
     * @param value the default as JSON; never null
     */
    static String problem(Schema type, JsonNode value) {
        if (type.getType() == Schema.Type.UNION) {
            return union(type, value);
        }
        return valid(type, value) ? null : value + " is not a valid " + TypeNames.describe(type) + detail(type, value);
    }

    private static String union(Schema union, JsonNode value) {
        Schema first = union.getTypes().get(0);
        if (valid(first, value)) {
            return null;
        }
        for (Schema branch : union.getTypes()) {
            if (valid(branch, value)) {
                return value + " matches the union's branch " + TypeNames.describe(branch)
                        + ", but the Avro specification requires a union's default to match its first branch ("
                        + TypeNames.describe(first) + "); Avro for Java accepts any branch only since 1.11.3 "
                        + "(AVRO-3649), other readers use the first";
            }
        }
        return value + " matches no branch of the union " + TypeNames.describe(union);
    }

    private static String detail(Schema type, JsonNode value) {
        if (type.getType() == Schema.Type.FIXED && value.isTextual()) {
            return " (" + value.asText().length() + " characters for " + type.getFixedSize() + " bytes)";
        }
        if (type.getType() == Schema.Type.ENUM) {
            return " (symbols " + type.getEnumSymbols() + ")";
        }
        return "";
    }

    private static boolean valid(Schema type, JsonNode v) {
        return switch (type.getType()) {
            case NULL -> v.isNull();
            case BOOLEAN -> v.isBoolean();
            case INT -> v.isIntegralNumber() && v.canConvertToInt();
            case LONG -> v.isIntegralNumber() && v.canConvertToLong();
            case FLOAT, DOUBLE -> v.isNumber() || v.isTextual() && SPECIAL_FLOATS.contains(v.asText());
            case STRING -> v.isTextual();
            case BYTES -> bytes(v) && decimalFits(type, v);
            case FIXED -> bytes(v) && v.asText().length() == type.getFixedSize() && decimalFits(type, v);
            case ENUM -> v.isTextual() && type.getEnumSymbols().contains(v.asText());
            case ARRAY -> v.isArray() && allValid(type.getElementType(), v.elements());
            case MAP -> v.isObject() && allValid(type.getValueType(), v.elements());
            case RECORD -> v.isObject() && recordValid(type, v);
            case UNION -> union(type, v) == null;
        };
    }

    private static boolean allValid(Schema type, Iterator<JsonNode> values) {
        while (values.hasNext()) {
            if (problem(type, values.next()) != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean recordValid(Schema record, JsonNode v) {
        for (Schema.Field f : record.getFields()) {
            JsonNode fv = v.get(f.name());
            if (fv == null ? !f.hasDefaultValue() : problem(f.schema(), fv) != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean bytes(JsonNode v) {
        return v.isTextual() && v.asText().chars().allMatch(c -> c <= 0xFF);
    }

    private static boolean decimalFits(Schema type, JsonNode v) {
        if (!(type.getLogicalType() instanceof LogicalTypes.Decimal decimal)) {
            return true;
        }
        byte[] raw = v.asText().getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length == 0) {
            return true;
        }
        return new BigInteger(raw).abs().toString().length() <= decimal.getPrecision();
    }
}
