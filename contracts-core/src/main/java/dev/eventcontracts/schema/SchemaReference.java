package dev.eventcontracts.schema;

import java.util.Objects;

/**
 * A reference from one schema to a named type registered under another subject, as Confluent defines it:
 * {@code {"name": "dev.eventcontracts.orders.Money", "subject": "dev.eventcontracts.orders.Money", "version": 1}}.
 *
 * <p>For Avro the {@code name} is the full name of the referenced named type; the registry resolves it to the
 * schema registered under {@code subject} at {@code version}.
 *
 * @param name the full name of the referenced Avro type; never null
 * @param subject the subject the referenced schema is registered under; never null
 * @param version the version of that subject ({@code -1} means latest where a registry allows it)
 */
public record SchemaReference(String name, String subject, int version) {

    /** Checks that name and subject are present. */
    public SchemaReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }
}
