package dev.eventcontracts.maven.internal;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.util.List;

/**
 * The verdict for one subject.
 *
 * @param subject the subject; never null
 * @param source where the candidate schema came from; never null
 * @param level the level checked; never null
 * @param status the verdict; never null
 * @param checkedAgainst the old versions checked, described; never null
 * @param violations every violation; empty unless {@link Status#FAILED}
 * @param notes remarks for people (not registered yet, level mismatch); never null
 */
public record SubjectOutcome(
        String subject,
        String source,
        CompatibilityLevel level,
        Status status,
        List<String> checkedAgainst,
        List<ReportedViolation> violations,
        List<String> notes) {

    /** The verdict of one subject. */
    public enum Status {
        /** Compatible with every version checked. */
        PASSED,
        /** At least one violation. */
        FAILED,
        /** Nothing to check against: the subject has no earlier version. */
        NEW_SUBJECT
    }

    /** Copies the lists. */
    public SubjectOutcome {
        checkedAgainst = List.copyOf(checkedAgainst);
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }
}
