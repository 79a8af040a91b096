package dev.eventcontracts.server.internal.store;

import java.util.Objects;

/**
 * Key of one version of a subject: {@code {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}}.
 *
 * @param subject the subject; never null
 * @param version the version number, from 1
 */
public record SchemaKey(String subject, int version) implements RegistryKey {

    /** Checks that the subject is present. */
    public SchemaKey {
        Objects.requireNonNull(subject, "subject");
    }
}
