package dev.eventcontracts.compat;

/**
 * The stable ids of compatibility rules. Reports, build failures and tests name these ids; they never change
 * meaning once released.
 */
public enum Rule {
    FIELD_ADDED_WITHOUT_DEFAULT,
    TYPE_MISMATCH,
    ENUM_SYMBOL_REMOVED,
    UNION_BRANCH_REMOVED,
    NAME_MISMATCH,
    DECIMAL_SCALE_CHANGED,
    DECIMAL_PRECISION_CHANGED
}
