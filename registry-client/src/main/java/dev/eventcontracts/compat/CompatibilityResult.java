package dev.eventcontracts.compat;

import java.util.List;

/**
 * The outcome of checking a schema against earlier versions at one level: every violation found, not only
 * the first.
 *
 * @param level the level checked; never null
 * @param violations all violations, in the order of the versions checked; empty when compatible
 */
public record CompatibilityResult(CompatibilityLevel level, List<Violation> violations) {

    /** Copies the violations. */
    public CompatibilityResult {
        violations = List.copyOf(violations);
    }

    /** Returns whether no rule was violated. */
    public boolean isCompatible() {
        return violations.isEmpty();
    }
}
