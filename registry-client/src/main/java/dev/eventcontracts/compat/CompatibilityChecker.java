package dev.eventcontracts.compat;

import dev.eventcontracts.schema.AvroSchema;
import java.util.List;

/**
 * Decides whether a new schema is compatible with earlier versions of a subject. Pure: no I/O.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /** Returns the default checker: Confluent's verdicts plus the stricter rules. */
    public static CompatibilityChecker standard() {
        return new CompatibilityChecker();
    }

    /**
     * Checks {@code candidate} against the live earlier versions at {@code level}.
     *
     * @param level the subject's level; never null
     * @param candidate the new schema; never null
     * @param previous the live earlier versions, oldest first; never null, may be empty
     * @return every violation found
     */
    public CompatibilityResult check(CompatibilityLevel level, AvroSchema candidate, List<VersionedSchema> previous) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }
}
