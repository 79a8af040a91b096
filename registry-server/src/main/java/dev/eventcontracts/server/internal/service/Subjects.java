package dev.eventcontracts.server.internal.service;

/** Subject name rules (Confluent's {@code QualifiedSubject.isValidSubject}). */
public final class Subjects {

    /** The subject name Confluent reserves for global permissions. */
    static final String GLOBAL_SUBJECT_NAME = "__GLOBAL";

    private Subjects() {}

    /**
     * Checks that a subject may be written to.
     *
     * @param subject the subject from the path
     * @throws RegistryException 42208 when it is null, holds an ISO control character or is {@code __GLOBAL}
     */
    public static void requireValid(String subject) {
        if (subject == null
                || subject.chars().anyMatch(Character::isISOControl)
                || unqualified(subject).equals(GLOBAL_SUBJECT_NAME)) {
            throw new RegistryException(ErrorKind.INVALID_SUBJECT, subject);
        }
    }

    /** The subject without a leading {@code :.context:} qualifier. */
    private static String unqualified(String subject) {
        if (subject.startsWith(":.")) {
            int end = subject.indexOf(':', 2);
            return end < 0 ? "" : subject.substring(end + 1);
        }
        return subject;
    }
}
