package dev.eventcontracts.compat;

/**
 * One reason why a schema is not compatible with an earlier version.
 *
 * @param rule the stable rule id, e.g. {@link Rule#FIELD_ADDED_WITHOUT_DEFAULT}; never null
 * @param direction which way the data was read when the rule broke; never null
 * @param oldVersion the version of the earlier schema this was checked against
 * @param fieldPath the path by field names, e.g. {@code OrderCreated.items[].unitPrice.amount}; never null
 * @param jsonPointer the same location as a JSON pointer into the schema, e.g. {@code /fields/3/type}
 * @param message a sentence a developer understands, naming the field; never null
 * @param fixHint how to fix it, e.g. "give `currency` a default"; never null
 */
public record Violation(Rule rule, Direction direction, int oldVersion, String fieldPath, String jsonPointer,
        String message, String fixHint) {
}
