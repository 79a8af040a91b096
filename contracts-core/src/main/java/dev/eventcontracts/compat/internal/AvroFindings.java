package dev.eventcontracts.compat.internal;

import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.Violation;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Translates the incompatibilities Avro's {@code SchemaCompatibility} reports into violations that name the
 * field, say what changed and how to fix it. The verdict stays Avro's: every Avro incompatibility yields at
 * least one violation, and nothing here adds one Avro did not report.
 *
 * <p>Avro reports a union whose changed branch it cannot read as a whole ("reader union lacking writer type:
 * RECORD"); where the reader union still has a branch of that name, the branch pair is checked again so the
 * violations point at the field inside it that changed.
 */
final class AvroFindings {

    private AvroFindings() {}

    /**
     * Returns the violations for one Avro incompatibility found while reading {@code r}.
     *
     * @param base the pointer the incompatibility's location is relative to, {@code /} for the roots
     */
    static List<Violation> translate(Reading r, Incompatibility inc, String base) {
        String pointer = rebase(base, inc.getLocation());
        Schema reader = inc.getReaderFragment();
        Schema writer = inc.getWriterFragment();
        return switch (inc.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                List.of(MissingFieldRules.explain(r, pointer, reader, writer, reader.getField(inc.getMessage()), ""));
            case TYPE_MISMATCH -> List.of(typeMismatch(r, pointer, reader, writer));
            case MISSING_ENUM_SYMBOLS -> List.of(enumSymbols(r, pointer, reader, inc.getMessage()));
            case MISSING_UNION_BRANCH -> unionBranch(r, pointer, reader, writer);
            case NAME_MISMATCH -> List.of(nameMismatch(r, pointer, reader, writer));
            case FIXED_SIZE_MISMATCH -> List.of(fixedSize(r, pointer, reader, writer));
        };
    }

    private static String rebase(String base, String location) {
        if (base.equals(SchemaPaths.ROOT)) {
            return location;
        }
        return location.equals(SchemaPaths.ROOT) ? base : base + location;
    }

    private static Violation typeMismatch(Reading r, String pointer, Schema reader, Schema writer) {
        Violation enumQuirk = enumDefaultInsteadOfFieldDefault(r, pointer, reader, writer);
        if (enumQuirk != null) {
            return enumQuirk;
        }
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        String rt = TypeNames.describe(reader);
        String wt = TypeNames.describe(writer);
        String newType = r.backward() ? rt : wt;
        String oldType = r.backward() ? wt : rt;
        String cannot = r.readerName() + " cannot read " + wt + " values as " + rt + ".";
        if (!pointer.contains("/fields/")) {
            return r.violation(
                    Rule.TYPE_MISMATCH,
                    pointer,
                    "The schema at '" + path + "' is " + newType + " in the new schema but " + oldType + " in "
                            + r.oldName() + "; " + cannot,
                    "keep the type " + oldType + "; a different type needs a new subject");
        }
        String name = lastName(path);
        String hint = writer.getType() == Schema.Type.NULL && !r.backward()
                ? "keep `" + name + "` required, or first release a version where `" + name + "` accepts null"
                : "keep `" + name + "` as " + oldType + ", or add a new field of type " + newType
                        + " with a default instead";
        return r.violation(
                Rule.FIELD_TYPE_CHANGED,
                pointer,
                "Field '" + path + "' is " + newType + " in the new schema but " + oldType + " in " + r.oldName() + "; "
                        + cannot,
                hint);
    }

    /**
     * Avro checks a new enum field that has an enum default but no field default against the whole writer
     * record and reports "reader type: ENUM not compatible with writer type: RECORD"; the real problem is
     * the missing field default.
     */
    private static Violation enumDefaultInsteadOfFieldDefault(Reading r, String pointer, Schema reader, Schema writer) {
        if (reader.getType() != Schema.Type.ENUM
                || writer.getType() != Schema.Type.RECORD
                || !pointer.endsWith("/type")) {
            return null;
        }
        String fieldPointer = SchemaPaths.parent(pointer);
        Schema record = SchemaPaths.schemaAt(r.reader(), SchemaPaths.parent(SchemaPaths.parent(fieldPointer)));
        int pos = Integer.parseInt(SchemaPaths.lastToken(fieldPointer));
        if (record.getType() != Schema.Type.RECORD || pos >= record.getFields().size()) {
            return null;
        }
        Schema.Field field = record.getFields().get(pos);
        if (Resolution.writerField(writer, field) != null) {
            return null;
        }
        return MissingFieldRules.explain(
                r,
                fieldPointer,
                record,
                writer,
                field,
                " The enum's own default '" + reader.getEnumDefault() + "' does not serve as the field's default.");
    }

    private static Violation enumSymbols(Reading r, String pointer, Schema readerEnum, String symbols) {
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        String name = readerEnum.getName();
        if (r.backward()) {
            return r.violation(
                    Rule.ENUM_SYMBOL_REMOVED,
                    pointer,
                    "Enum '" + name + "' at '" + path + "' no longer has symbols " + symbols + ", which " + r.oldName()
                            + " can write, and the enum has no default.",
                    "keep symbols " + symbols + " in enum `" + name + "`");
        }
        return r.violation(
                Rule.ENUM_SYMBOL_ADDED,
                pointer,
                "Enum '" + name + "' at '" + path + "' gained symbols " + symbols + ", which readers using "
                        + r.oldName() + " do not know, and the enum has no default in " + r.oldName() + ".",
                "remove " + symbols + " from enum `" + name + "`, or first release a version where `" + name
                        + "` has an enum default");
    }

    private static List<Violation> unionBranch(Reading r, String pointer, Schema readerUnion, Schema writer) {
        Schema writerBranch = writer;
        String unionPointer = pointer;
        if (writer.getType() == Schema.Type.UNION) {
            writerBranch = writer.getTypes().get(Integer.parseInt(SchemaPaths.lastToken(pointer)));
            unionPointer = SchemaPaths.parent(pointer);
        }
        int counterpart = counterpart(readerUnion, writerBranch);
        if (counterpart >= 0) {
            List<Violation> inner = new ArrayList<>();
            String branchPointer = SchemaPaths.child(unionPointer, Integer.toString(counterpart));
            SchemaCompatibility.checkReaderWriterCompatibility(
                            readerUnion.getTypes().get(counterpart), writerBranch)
                    .getResult()
                    .getIncompatibilities()
                    .forEach(i -> inner.addAll(translate(r, i, branchPointer)));
            if (!inner.isEmpty()) {
                return inner;
            }
        }
        String path = SchemaPaths.fieldPath(r.reader(), unionPointer);
        String branch = TypeNames.describe(writerBranch);
        String name = lastName(path);
        if (r.backward()) {
            return List.of(r.violation(
                    Rule.UNION_BRANCH_REMOVED,
                    unionPointer,
                    "'" + path + "' no longer accepts " + branch + ", which " + r.oldName()
                            + " can write: the new union has no branch for it.",
                    "keep " + branch + " in the union of `" + name + "`"));
        }
        return List.of(r.violation(
                Rule.UNION_BRANCH_ADDED,
                unionPointer,
                "'" + path + "' now accepts " + branch + ", which readers using " + r.oldName()
                        + " cannot read: their union has no branch for it.",
                "remove " + branch + " from the union of `" + name + "`, or add a new field for it"));
    }

    /** The reader branch of the same structured kind and name as the writer branch, which Avro found unreadable. */
    private static int counterpart(Schema readerUnion, Schema writerBranch) {
        boolean structured = switch (writerBranch.getType()) {
            case RECORD, ENUM, FIXED, ARRAY, MAP -> true;
            default -> false;
        };
        return structured ? Resolution.sameTypeBranch(readerUnion, writerBranch) : -1;
    }

    private static Violation nameMismatch(Reading r, String pointer, Schema reader, Schema writer) {
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        if (r.backward()) {
            return r.violation(
                    Rule.NAME_MISMATCH,
                    pointer,
                    "Type '" + reader.getFullName() + "' at '" + path + "' was named '" + writer.getFullName() + "' in "
                            + r.oldName() + ", and the new schema has no alias for the old name.",
                    "add an alias `" + writer.getFullName() + "` to type `" + reader.getName() + "` (\"aliases\": [\""
                            + writer.getFullName() + "\"]), or keep the name");
        }
        return r.violation(
                Rule.NAME_MISMATCH,
                pointer,
                "Type '" + reader.getFullName() + "' at '" + path + "' of " + r.oldName() + " was renamed to '"
                        + writer.getFullName() + "'; readers using " + r.oldName() + " do not know the new name.",
                "keep the name `" + reader.getFullName() + "`");
    }

    private static Violation fixedSize(Reading r, String pointer, Schema reader, Schema writer) {
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        int newSize = r.backward() ? reader.getFixedSize() : writer.getFixedSize();
        int oldSize = r.backward() ? writer.getFixedSize() : reader.getFixedSize();
        return r.violation(
                Rule.FIXED_SIZE_CHANGED,
                pointer,
                "Fixed type '" + reader.getName() + "' at '" + path + "' is " + newSize
                        + " bytes in the new schema but " + oldSize + " bytes in " + r.oldName() + ".",
                "keep size " + oldSize + "; for another size add a new fixed type and field");
    }

    /** The last name of a path: the field name, without array or map markers. */
    static String lastName(String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        return name.replace("[]", "").replace("{}", "");
    }
}
