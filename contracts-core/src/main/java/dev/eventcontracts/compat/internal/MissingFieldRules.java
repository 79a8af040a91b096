package dev.eventcontracts.compat.internal;

import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.Violation;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Explains a reader field that the writer's data lacks and that has no default (Avro's
 * {@code READER_FIELD_MISSING_DEFAULT_VALUE}): added, removed, or renamed, depending on the direction and on
 * what else changed in the record.
 */
final class MissingFieldRules {

    private MissingFieldRules() {}

    /**
     * Returns the violation for reader field {@code field} of {@code readerRecord}, absent from
     * {@code writerRecord}.
     *
     * @param pointer the pointer of the field, e.g. {@code /fields/2}
     * @param note an extra sentence for the message, or empty
     */
    static Violation explain(
            Reading r, String pointer, Schema readerRecord, Schema writerRecord, Schema.Field field, String note) {
        return r.backward()
                ? added(r, pointer, readerRecord, writerRecord, field, note)
                : removed(r, pointer, readerRecord, writerRecord, field, note);
    }

    private static Violation added(
            Reading r, String pointer, Schema newRecord, Schema oldRecord, Schema.Field field, String note) {
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        Schema.Field oldField = renameSource(newRecord, oldRecord, field);
        if (oldField != null) {
            return r.violation(
                    Rule.FIELD_RENAMED_WITHOUT_ALIAS,
                    pointer,
                    "Field '" + path + "' has neither a default nor an alias, and " + r.oldName()
                            + " has no field of that name: it looks renamed from '" + oldField.name()
                            + "', whose values the new schema cannot read." + note,
                    "add an alias `" + oldField.name() + "` to field `" + field.name() + "` (\"aliases\": [\""
                            + oldField.name() + "\"]), or give `" + field.name() + "` a default");
        }
        return r.violation(
                Rule.FIELD_ADDED_WITHOUT_DEFAULT,
                pointer,
                "Field '" + path + "' was added without a default, so the new schema cannot read data written with "
                        + r.oldName() + ", which lacks it." + note,
                "give `" + field.name() + "` a default");
    }

    private static Violation removed(
            Reading r, String pointer, Schema oldRecord, Schema newRecord, Schema.Field field, String note) {
        String path = SchemaPaths.fieldPath(r.reader(), pointer);
        Schema.Field newField = renameTarget(oldRecord, newRecord, field);
        if (newField != null) {
            return r.violation(
                    Rule.FIELD_RENAMED,
                    pointer,
                    "Field '" + path + "' of " + r.oldName() + " was renamed to '" + newField.name()
                            + "'; readers using " + r.oldName() + " still look for '" + field.name()
                            + "', which has no default there." + note,
                    "keep the name `" + field.name() + "` (an alias only helps the new schema read old data), or "
                            + "first release a version where `" + field.name() + "` has a default");
        }
        return r.violation(
                Rule.FIELD_REMOVED_WITHOUT_DEFAULT,
                pointer,
                "Field '" + path + "' was removed, but " + r.oldName()
                        + " declares it without a default, so readers using " + r.oldName()
                        + " cannot read data written with the new schema." + note,
                "keep `" + field.name() + "`, or first release a version where `" + field.name() + "` has a default");
    }

    /** An old field no new field reads, of the same type as the new field: probably its former name. */
    private static Schema.Field renameSource(Schema newRecord, Schema oldRecord, Schema.Field newField) {
        return sameTypeCandidate(Resolution.unreadWriterFields(newRecord, oldRecord), newField);
    }

    /** The new field that names the old field as alias, or else a same-typed new field old readers ignore. */
    private static Schema.Field renameTarget(Schema oldRecord, Schema newRecord, Schema.Field oldField) {
        for (Schema.Field f : newRecord.getFields()) {
            if (f.aliases().contains(oldField.name())) {
                return f;
            }
        }
        return sameTypeCandidate(Resolution.unreadWriterFields(oldRecord, newRecord), oldField);
    }

    private static Schema.Field sameTypeCandidate(List<Schema.Field> candidates, Schema.Field field) {
        List<Schema.Field> sameType = candidates.stream()
                .filter(c -> c.schema().equals(field.schema()))
                .toList();
        for (Schema.Field c : sameType) {
            if (c.pos() == field.pos()) {
                return c;
            }
        }
        return sameType.size() == 1 ? sameType.get(0) : null;
    }
}
