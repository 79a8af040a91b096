package dev.eventcontracts.compat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.Accessor;

/**
 * The rules we add on top of Avro's checker. Walks reader and writer side by side the way Avro resolves them
 * (fields by name and alias, union branches by type and name, promotions) and reports what Avro lets through:
 * logical-type changes ({@link LogicalTypeRules}), invalid defaults the reader needs ({@link DefaultValues}),
 * and enum symbols silently read as the enum default.
 *
 * <p>Where Avro finds the types unreadable the walk stops: that is already Avro's violation. A record type
 * used by several fields is visited for each, so every affected field is named; recursion is cut when a
 * reader/writer record pair is met again inside itself.
 */
final class StrictRules {

    private final Reading r;
    private final List<Violation> out = new ArrayList<>();
    /** The reader/writer record pairs being walked, flattened: reader, writer, reader, writer, ... */
    private final List<Schema> inProgress = new ArrayList<>();

    private StrictRules(Reading r) {
        this.r = r;
    }

    /** Returns every stricter-rule violation found while reading {@code r}, relaxed or not. */
    static List<Violation> check(Reading r) {
        StrictRules rules = new StrictRules(r);
        rules.walk(r.reader(), r.writer(), Pointer.ROOT);
        return rules.out;
    }

    private void walk(Schema reader, Schema writer, Pointer pointer) {
        if (writer.getType() == Schema.Type.UNION) {
            for (Schema branch : writer.getTypes()) {
                walkBranch(reader, branch, pointer);
            }
            return;
        }
        walkBranch(reader, writer, pointer);
    }

    private void walkBranch(Schema reader, Schema writer, Pointer pointer) {
        if (reader.getType() == Schema.Type.UNION) {
            int i = Resolution.readerBranch(reader, writer);
            if (i >= 0) {
                walkBranch(reader.getTypes().get(i), writer, pointer.child(i));
            }
            return;
        }
        if (!Resolution.readable(writer.getType(), reader.getType())) {
            return;
        }
        switch (reader.getType()) {
            case RECORD -> record(reader, writer, pointer);
            case ARRAY -> walk(reader.getElementType(), writer.getElementType(), pointer.child("items"));
            case MAP -> walk(reader.getValueType(), writer.getValueType(), pointer.child("values"));
            case ENUM -> enumDefault(reader, writer, pointer);
            default -> LogicalTypeRules.compare(r, reader, writer, pointer, out);
        }
    }

    private void record(Schema reader, Schema writer, Pointer pointer) {
        for (int i = 0; i < inProgress.size(); i += 2) {
            if (inProgress.get(i) == reader && inProgress.get(i + 1) == writer) {
                return;
            }
        }
        inProgress.add(reader);
        inProgress.add(writer);
        Pointer fields = pointer.child("fields");
        for (Schema.Field rf : reader.getFields()) {
            Pointer field = fields.child(rf.pos());
            Schema.Field wf = Resolution.writerField(writer, rf);
            if (wf != null) {
                walk(rf.schema(), wf.schema(), field.child("type"));
            } else if (rf.hasDefaultValue()) {
                checkDefault(rf, field.toString());
            }
        }
        inProgress.remove(inProgress.size() - 1);
        inProgress.remove(inProgress.size() - 1);
    }

    private void checkDefault(Schema.Field field, String pointer) {
        // Avro keeps the default's JSON only behind this accessor; Field.defaultVal() already converts it
        // with the union's first branch and so hides the very mistakes checked here.
        JsonNode value = Accessor.defaultValue(field);
        String problem = DefaultValues.problem(field.schema(), value);
        if (problem == null) {
            return;
        }
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        String missingIn = r.backward() ? r.oldName() : "the new schema";
        out.add(r.violation(
                Rule.INVALID_DEFAULT,
                pointer,
                "Field '" + path + "' is missing in " + missingIn + ", so " + r.readerName()
                        + " fills it with its default, which is invalid: " + problem + "."
                        + LogicalTypeRules.stricter(
                                Rule.INVALID_DEFAULT, "Avro's checker does not look at default values"),
                "give `" + field.name() + "` a default that is a valid " + TypeNames.describe(firstBranch(field))
                        + (field.schema().getType() == Schema.Type.UNION
                                ? ", or put the default's type first in the union"
                                : "")));
    }

    private static Schema firstBranch(Schema.Field field) {
        Schema s = field.schema();
        return s.getType() == Schema.Type.UNION ? s.getTypes().get(0) : s;
    }

    /**
     * BACKWARD only: symbols the new enum dropped are read as its default, silently rewriting stored data.
     * FORWARD, an old reader mapping new symbols to its default is what enum defaults are for.
     */
    private void enumDefault(Schema reader, Schema writer, Pointer pointer) {
        if (!r.backward() || reader.getEnumDefault() == null || !reader.hasEnumSymbol(reader.getEnumDefault())) {
            return;
        }
        Set<String> dropped = null;
        for (String symbol : writer.getEnumSymbols()) {
            if (!reader.hasEnumSymbol(symbol)) {
                dropped = dropped == null ? new TreeSet<>() : dropped;
                dropped.add(symbol);
            }
        }
        if (dropped == null) {
            return;
        }
        String path = SchemaPaths.fieldPath(r.reader(), pointer.toString());
        out.add(r.violation(
                Rule.ENUM_SYMBOL_READ_AS_DEFAULT,
                pointer.child("symbols").toString(),
                "Enum '" + reader.getName() + "' at '" + path + "' no longer has symbols " + dropped + ", so values "
                        + "written with " + r.oldName() + " that hold them would silently be read as the enum default '"
                        + reader.getEnumDefault() + "'."
                        + LogicalTypeRules.stricter(
                                Rule.ENUM_SYMBOL_READ_AS_DEFAULT, "Avro reads unknown symbols as the enum default"),
                "keep symbols " + dropped + " in enum `" + reader.getName() + "`"));
    }
}
