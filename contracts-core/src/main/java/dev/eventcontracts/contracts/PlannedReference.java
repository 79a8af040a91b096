package dev.eventcontracts.contracts;

import java.util.Objects;

/**
 * A schema reference as a contract or a configuration declares it, before its version is known.
 *
 * @param name the full name of the referenced Avro type; never null
 * @param subject the subject it is registered under; never null
 * @param version the declared version, or null for "the version registered in this run, else the latest"
 * @since 0.1.0
 */
public record PlannedReference(String name, String subject, Integer version) {

    /** Checks that name and subject are present. */
    public PlannedReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }
}
