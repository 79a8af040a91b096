package dev.eventcontracts.server.internal.store;

import java.util.Objects;

/**
 * Key of the removal of a subject's soft-deleted versions:
 * {@code {"keytype":"CLEAR_SUBJECT","subject":"s","magic":0}}.
 *
 * @param subject the subject; never null
 */
public record ClearSubjectKey(String subject) implements RegistryKey {

    /** Checks that the subject is present. */
    public ClearSubjectKey {
        Objects.requireNonNull(subject, "subject");
    }
}
