package dev.eventcontracts.maven.internal;

import java.util.Objects;

/**
 * A reference as configured, before its version is known.
 *
 * @param name the full name of the referenced Avro type; never null
 * @param subject the subject it is registered under; never null
 * @param version the configured version, or null for "the version this run registered, else the latest"
 */
public record PlannedReference(String name, String subject, Integer version) {

    /** Checks that name and subject are present. */
    public PlannedReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }
}
