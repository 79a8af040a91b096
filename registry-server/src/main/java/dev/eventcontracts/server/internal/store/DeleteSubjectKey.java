package dev.eventcontracts.server.internal.store;

import java.util.Objects;

/**
 * Key of a soft delete of a whole subject: {@code {"keytype":"DELETE_SUBJECT","subject":"s","magic":0}}.
 *
 * @param subject the subject; never null
 */
public record DeleteSubjectKey(String subject) implements RegistryKey {

    /** Checks that the subject is present. */
    public DeleteSubjectKey {
        Objects.requireNonNull(subject, "subject");
    }
}
