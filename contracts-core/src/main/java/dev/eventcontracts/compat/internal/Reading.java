package dev.eventcontracts.compat.internal;

import dev.eventcontracts.compat.Direction;
import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.Violation;
import org.apache.avro.Schema;

/**
 * One direction of one check: which schema reads, which wrote, and how to name both in messages.
 *
 * @param direction BACKWARD (the new schema reads) or FORWARD (the old version reads); never null
 * @param oldVersion the old version's number
 * @param reader the reading schema's root; never null
 * @param writer the writing schema's root; never null
 */
record Reading(Direction direction, int oldVersion, Schema reader, Schema writer) {

    static Reading of(Direction direction, int oldVersion, Schema candidate, Schema old) {
        return direction == Direction.BACKWARD
                ? new Reading(direction, oldVersion, candidate, old)
                : new Reading(direction, oldVersion, old, candidate);
    }

    boolean backward() {
        return direction == Direction.BACKWARD;
    }

    /** "version 3": the old side. */
    String oldName() {
        return "version " + oldVersion;
    }

    /** Who reads, for sentences: "the new schema" or "readers using version 3". */
    String readerName() {
        return backward() ? "the new schema" : "readers using " + oldName();
    }

    /** Whose data is read: "data written with version 3" or "data written with the new schema". */
    String writtenData() {
        return backward() ? "data written with " + oldName() : "data written with the new schema";
    }

    /** The level family that breaks: "BACKWARD" or "FORWARD". */
    String breaks() {
        return direction.name();
    }

    Violation violation(Rule rule, String pointer, String message, String fixHint) {
        return new Violation(
                rule, direction, oldVersion, SchemaPaths.fieldPath(reader, pointer), pointer, message, fixHint);
    }
}
