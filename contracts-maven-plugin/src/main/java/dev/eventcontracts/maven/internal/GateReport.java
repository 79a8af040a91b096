package dev.eventcontracts.maven.internal;

import java.util.List;

/**
 * The verdicts of one gate run over all its subjects.
 *
 * @param goal the goal that ran, e.g. {@code test-compatibility}; never null
 * @param against what the subjects were checked against (registry URL, baseline directory); never null
 * @param subjects the outcome of each subject, in the order checked; never null
 */
public record GateReport(String goal, String against, List<SubjectOutcome> subjects) {

    /** Copies the outcomes. */
    public GateReport {
        subjects = List.copyOf(subjects);
    }

    /** Returns whether no subject failed. */
    public boolean isCompatible() {
        return subjects.stream().noneMatch(s -> s.status() == SubjectOutcome.Status.FAILED);
    }

    /** Returns the number of violations over all subjects. */
    public int violationCount() {
        return subjects.stream().mapToInt(s -> s.violations().size()).sum();
    }

    /** Returns the number of subjects that failed. */
    public long failedSubjects() {
        return subjects.stream()
                .filter(s -> s.status() == SubjectOutcome.Status.FAILED)
                .count();
    }

    /**
     * Formats the full report for a build failure: every violation with subject, old version, field name
     * and path, rule and fix hint.
     *
     * @return the text; never null
     */
    public String failureMessage() {
        StringBuilder sb = new StringBuilder();
        sb.append("Schema compatibility check failed: ")
                .append(violationCount())
                .append(" violation(s) in ")
                .append(failedSubjects())
                .append(" of ")
                .append(subjects.size())
                .append(" subject(s), checked against ")
                .append(against)
                .append('.');
        for (SubjectOutcome s : subjects) {
            if (s.status() != SubjectOutcome.Status.FAILED) {
                continue;
            }
            sb.append("\n\nsubject '")
                    .append(s.subject())
                    .append("' (")
                    .append(s.level())
                    .append(", schema ")
                    .append(s.source())
                    .append("):");
            for (ReportedViolation v : s.violations()) {
                sb.append("\n  - ")
                        .append(v.violation().rule())
                        .append(" against ")
                        .append(v.oldVersion())
                        .append(", field '")
                        .append(v.fieldName())
                        .append("' (path ")
                        .append(v.violation().fieldPath())
                        .append(", ")
                        .append(v.violation().jsonPointer())
                        .append("), ")
                        .append(v.violation().direction())
                        .append(": ")
                        .append(v.violation().message())
                        .append("\n    fix: ")
                        .append(v.violation().fixHint());
            }
        }
        return sb.toString();
    }
}
