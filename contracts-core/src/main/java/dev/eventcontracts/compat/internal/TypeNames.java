package dev.eventcontracts.compat.internal;

import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Short descriptions of Avro types for messages, e.g. {@code decimal(12,2)}, {@code array<string>}. */
final class TypeNames {

    private TypeNames() {}

    static String describe(Schema s) {
        LogicalType lt = s.getLogicalType();
        if (lt != null) {
            return logical(lt);
        }
        return switch (s.getType()) {
            case RECORD, ENUM, FIXED -> s.getType().getName() + " " + s.getFullName();
            case ARRAY -> "array<" + describe(s.getElementType()) + ">";
            case MAP -> "map<" + describe(s.getValueType()) + ">";
            case UNION -> s.getTypes().stream().map(TypeNames::describe).collect(Collectors.joining(", ", "[", "]"));
            default -> s.getType().getName();
        };
    }

    static String logical(LogicalType lt) {
        if (lt instanceof LogicalTypes.Decimal d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        return lt.getName();
    }

    /** The logical type's name, or {@code "no logical type"}, for messages about logical-type changes. */
    static String logicalOrNone(Schema s) {
        return s.getLogicalType() == null
                ? "no logical type (plain " + s.getType().getName() + ")"
                : logical(s.getLogicalType());
    }
}
