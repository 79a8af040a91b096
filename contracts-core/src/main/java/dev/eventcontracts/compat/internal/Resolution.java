package dev.eventcontracts.compat.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The parts of Avro's schema resolution the rules need: which writer field a reader field reads, which reader
 * branch a writer union branch lands in, and which primitive types Avro promotes.
 */
final class Resolution {

    private Resolution() {}

    /**
     * Returns the writer field the reader field reads (by name, then by the reader field's aliases), or null.
     * Where aliases match several fields (Avro refuses that), the first match wins.
     */
    static Schema.Field writerField(Schema writerRecord, Schema.Field readerField) {
        Schema.Field direct = writerRecord.getField(readerField.name());
        if (direct != null) {
            return direct;
        }
        for (String alias : readerField.aliases()) {
            Schema.Field byAlias = writerRecord.getField(alias);
            if (byAlias != null) {
                return byAlias;
            }
        }
        return null;
    }

    /** Returns the writer fields no reader field reads, in writer order. */
    static List<Schema.Field> unreadWriterFields(Schema readerRecord, Schema writerRecord) {
        List<Schema.Field> unread = new ArrayList<>(writerRecord.getFields());
        for (Schema.Field rf : readerRecord.getFields()) {
            Schema.Field wf = writerField(writerRecord, rf);
            if (wf != null) {
                unread.remove(wf);
            }
        }
        return unread;
    }

    /**
     * Returns the index of the reader union branch that reads {@code writer}: the same type (and full name, or a
     * reader alias of it, for named types) first, then a named type of the same unqualified name, then a type
     * Avro promotes {@code writer} to; -1 if none.
     */
    static int readerBranch(Schema readerUnion, Schema writer) {
        int same = sameTypeBranch(readerUnion, writer);
        if (same >= 0) {
            return same;
        }
        List<Schema> branches = readerUnion.getTypes();
        for (int i = 0; i < branches.size(); i++) {
            if (promotes(writer.getType(), branches.get(i).getType())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the index of the reader union branch of the same type as {@code writer}, for named types of the
     * same full name or alias, else of the same unqualified name (as Avro's resolution matches them); -1 if none.
     */
    static int sameTypeBranch(Schema readerUnion, Schema writer) {
        List<Schema> branches = readerUnion.getTypes();
        for (int i = 0; i < branches.size(); i++) {
            if (sameType(branches.get(i), writer)) {
                return i;
            }
        }
        for (int i = 0; i < branches.size(); i++) {
            Schema b = branches.get(i);
            if (b.getType() == writer.getType() && isNamed(b) && b.getName().equals(writer.getName())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether reader and writer are of one type and, for named types, one name (reader aliases included). */
    static boolean sameType(Schema reader, Schema writer) {
        if (reader.getType() != writer.getType()) {
            return false;
        }
        return !isNamed(reader)
                || reader.getFullName().equals(writer.getFullName())
                || reader.getAliases().contains(writer.getFullName());
    }

    static boolean isNamed(Schema s) {
        return s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM || s.getType() == Schema.Type.FIXED;
    }

    /** Whether Avro reads a {@code writer} value as {@code reader} without a union: same type or promotion. */
    static boolean readable(Schema.Type writer, Schema.Type reader) {
        return writer == reader || promotes(writer, reader);
    }

    /** Avro's promotions: int to long, float, double; long to float, double; float to double; string/bytes. */
    static boolean promotes(Schema.Type writer, Schema.Type reader) {
        return switch (writer) {
            case INT -> reader == Schema.Type.LONG || reader == Schema.Type.FLOAT || reader == Schema.Type.DOUBLE;
            case LONG -> reader == Schema.Type.FLOAT || reader == Schema.Type.DOUBLE;
            case FLOAT -> reader == Schema.Type.DOUBLE;
            case STRING -> reader == Schema.Type.BYTES;
            case BYTES -> reader == Schema.Type.STRING;
            default -> false;
        };
    }
}
