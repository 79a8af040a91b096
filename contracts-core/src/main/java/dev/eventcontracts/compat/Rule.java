package dev.eventcontracts.compat;

/**
 * The stable ids of compatibility rules. Reports, build failures and tests name these ids; they never change
 * meaning once released.
 *
 * <p>Rules where {@link #stricterThanConfluent()} is false are decided by Avro's
 * {@code SchemaCompatibility}, exactly as Confluent Schema Registry decides them; they cannot be relaxed.
 * The others catch changes Avro's checker lets through although they corrupt or lose data; each can be
 * relaxed with {@link CompatibilityChecker.Builder#relax(Rule...)}.
 */
public enum Rule {
    /** A field the reader needs is missing in the data and has no default (BACKWARD: a field was added). */
    FIELD_ADDED_WITHOUT_DEFAULT(false),
    /** A type changed in a way Avro cannot convert, outside any record field (e.g. the whole schema). */
    TYPE_MISMATCH(false),
    /** The reader's enum lacks symbols the writer can write, and it has no enum default. */
    ENUM_SYMBOL_REMOVED(false),
    /** The reader's union lacks a branch for a type the writer can write. */
    UNION_BRANCH_REMOVED(false),
    /** A record, enum or fixed was renamed without an alias in the reader. */
    NAME_MISMATCH(false),
    /** A decimal's scale changed: stored values would be read multiplied or divided by a power of ten. */
    DECIMAL_SCALE_CHANGED(true),
    /** A decimal's precision shrank for the reader: values the writer allows may not fit. */
    DECIMAL_PRECISION_CHANGED(true),
    /** FORWARD: a field without default in the old version is missing from the new schema. */
    FIELD_REMOVED_WITHOUT_DEFAULT(false),
    /** BACKWARD: a field looks renamed (same type, old name gone) but has neither alias nor default. */
    FIELD_RENAMED_WITHOUT_ALIAS(false),
    /** FORWARD: a field without default in the old version was renamed; old readers only know the old name. */
    FIELD_RENAMED(false),
    /** A reader field's name and aliases match several writer fields; Avro refuses to resolve it. */
    FIELD_ALIAS_AMBIGUOUS(false),
    /** A record field's type changed in a way Avro cannot convert. */
    FIELD_TYPE_CHANGED(false),
    /** FORWARD: the new enum has symbols the old enum lacks, and the old enum has no default. */
    ENUM_SYMBOL_ADDED(false),
    /** FORWARD: the new union has a branch the old union lacks. */
    UNION_BRANCH_ADDED(false),
    /** A fixed type's size changed. */
    FIXED_SIZE_CHANGED(false),
    /** A logical type was added, removed or replaced (e.g. {@code string} to {@code uuid}). */
    LOGICAL_TYPE_CHANGED(true),
    /** A time or timestamp changed unit (millis, micros, nanos): values would be read 1000 times off. */
    TIMESTAMP_UNIT_CHANGED(true),
    /** A default the reader needs is not a valid value of its type under the Avro specification. */
    INVALID_DEFAULT(true),
    /** BACKWARD: enum symbols were removed and old data holding them would be read as the enum default. */
    ENUM_SYMBOL_READ_AS_DEFAULT(true);

    private final boolean stricterThanConfluent;

    Rule(boolean stricterThanConfluent) {
        this.stricterThanConfluent = stricterThanConfluent;
    }

    /**
     * Returns whether Confluent Schema Registry accepts what this rule refuses, i.e. whether the rule is one of
     * ours on top of Avro's checker and may be relaxed.
     *
     * @return true for our stricter rules, false for rules Avro's checker decides
     * @since 0.1.0
     */
    public boolean stricterThanConfluent() {
        return stricterThanConfluent;
    }
}
