package dev.eventcontracts.compat;

import java.util.Objects;

/**
 * One reason why a schema is not compatible with an earlier version.
 *
 * <p>Locations refer to the <em>reader</em> schema of the direction, as Avro and Confluent report them: the
 * new schema for {@link Direction#BACKWARD}, the old version for {@link Direction#FORWARD}. A removed field
 * is therefore found in the old version, an added one in the new schema.
 *
 * @param rule the stable rule id, e.g. {@link Rule#FIELD_ADDED_WITHOUT_DEFAULT}; never null
 * @param direction which way the data was read when the rule broke; never null
 * @param oldVersion the version of the earlier schema this was checked against
 * @param fieldPath the path by names: the top-level type's simple name, then field names, {@code []} for array
 *     items and {@code {}} for map values, e.g. {@code OrderCreated.items[].unitPrice.amount}; never null
 * @param jsonPointer the same location as a JSON pointer into the reader schema, e.g. {@code /fields/3/type};
 *     {@code /} is the whole schema; never null
 * @param message a sentence a developer understands, naming the field; never null
 * @param fixHint how to fix it, e.g. "give `currency` a default"; never null
 */
public record Violation(
        Rule rule,
        Direction direction,
        int oldVersion,
        String fieldPath,
        String jsonPointer,
        String message,
        String fixHint) {

    /** Checks that every component is present. */
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(jsonPointer, "jsonPointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fixHint, "fixHint");
    }
}
