package dev.eventcontracts.maven.internal;

import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.compat.CompatibilityResult;
import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks planned subjects against their history at each subject's level, transitive levels against every
 * version: the same check a registry makes when the schema is registered.
 *
 * <p>The level a registry enforces wins over the configured one (that is the level {@code register} will
 * meet); a difference is noted in the outcome. Offline, the configured level is used, else Confluent's
 * default {@code BACKWARD}.
 */
public final class CompatibilityGate {

    /** The level of a subject with none configured and no registry to ask: Confluent's default. */
    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final CompatibilityChecker checker;

    /**
     * Creates a gate.
     *
     * @param checker the compatibility engine; never null
     */
    public CompatibilityGate(CompatibilityChecker checker) {
        this.checker = checker;
    }

    /**
     * Checks one subject.
     *
     * @param plan the subject as configured; never null
     * @param candidate its new schema; never null
     * @param history its earlier versions; never null
     * @return the verdict; never null
     * @throws GateException when the engine fails
     */
    public SubjectOutcome check(SubjectPlan plan, AvroSchema candidate, SubjectHistory history) throws GateException {
        List<String> notes = new ArrayList<>();
        CompatibilityLevel level = level(plan, history, notes);
        if (history.versions().isEmpty()) {
            notes.add("subject '" + plan.subject() + "' has no earlier version yet; nothing to check against");
            return new SubjectOutcome(
                    plan.subject(),
                    plan.source(),
                    level,
                    SubjectOutcome.Status.NEW_SUBJECT,
                    List.of(),
                    List.of(),
                    notes);
        }
        List<VersionedSchema> against = level.isTransitive() || level == CompatibilityLevel.NONE
                ? history.versions()
                : List.of(history.versions().get(history.versions().size() - 1));
        List<String> checked =
                against.stream().map(v -> history.describe(v.version())).toList();
        if (level == CompatibilityLevel.NONE) {
            notes.add("level NONE: any change is allowed");
            return new SubjectOutcome(
                    plan.subject(), plan.source(), level, SubjectOutcome.Status.PASSED, checked, List.of(), notes);
        }
        CompatibilityResult result;
        try {
            result = checker.check(level, candidate, against);
        } catch (RuntimeException e) {
            throw new GateException("The compatibility engine failed on subject '" + plan.subject() + "': " + e, e);
        }
        List<ReportedViolation> violations = new ArrayList<>();
        for (Violation v : result.violations()) {
            violations.add(new ReportedViolation(v, history.describe(v.oldVersion())));
        }
        SubjectOutcome.Status status =
                violations.isEmpty() ? SubjectOutcome.Status.PASSED : SubjectOutcome.Status.FAILED;
        return new SubjectOutcome(plan.subject(), plan.source(), level, status, checked, violations, notes);
    }

    private static CompatibilityLevel level(SubjectPlan plan, SubjectHistory history, List<String> notes) {
        Optional<CompatibilityLevel> enforced = history.level();
        if (enforced.isPresent()) {
            plan.level()
                    .filter(configured -> configured != enforced.get())
                    .ifPresent(configured -> notes.add(
                            "configured level " + configured + " differs from the level the registry enforces, "
                                    + enforced.get() + "; checked at " + enforced.get()
                                    + " (run set-compatibility to change it)"));
            return enforced.get();
        }
        return plan.level().orElseGet(() -> {
            notes.add("no level configured; checked at the default " + DEFAULT_LEVEL);
            return DEFAULT_LEVEL;
        });
    }
}
