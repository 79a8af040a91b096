package dev.eventcontracts.compat.internal;

import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.compat.Direction;
import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a candidate against the versions a level selects and collects both our report (every violation of
 * every version) and Confluent's (the findings of the newest failing version only, as Confluent stops there).
 *
 * @param violations every violation: versions oldest first, BACKWARD before FORWARD; never null
 * @param confluentDetails Confluent's message entries without the {@code validateFields} trailer; never null
 */
public record LevelCheck(List<Violation> violations, List<String> confluentDetails) {

    /** Copies the lists. */
    public LevelCheck {
        violations = List.copyOf(violations);
        confluentDetails = List.copyOf(confluentDetails);
    }

    /**
     * Runs the check.
     *
     * @param level the level; never null
     * @param candidate the new schema; never null
     * @param previous the live earlier versions, oldest first; never null
     * @param relaxed the stricter rules not to report; never null
     * @return the outcome; never null
     */
    public static LevelCheck run(
            CompatibilityLevel level, AvroSchema candidate, List<VersionedSchema> previous, Set<Rule> relaxed) {
        if (previous.isEmpty() || !(level.checksBackward() || level.checksForward())) {
            return new LevelCheck(List.of(), List.of());
        }
        List<VersionedSchema> checked =
                level.isTransitive() ? previous : previous.subList(previous.size() - 1, previous.size());
        List<Violation> violations = new ArrayList<>();
        DirectionCheck[] backward = new DirectionCheck[checked.size()];
        DirectionCheck[] forward = new DirectionCheck[checked.size()];
        for (int i = 0; i < checked.size(); i++) {
            VersionedSchema old = checked.get(i);
            if (level.checksBackward()) {
                backward[i] = run(Direction.BACKWARD, candidate, old, relaxed);
                violations.addAll(backward[i].violations());
            }
            if (level.checksForward()) {
                forward[i] = run(Direction.FORWARD, candidate, old, relaxed);
                violations.addAll(forward[i].violations());
            }
        }
        // Confluent checks newest first and reports only the first version that fails
        for (int i = checked.size() - 1; i >= 0; i--) {
            if (backward[i] != null && !backward[i].isEmpty() || forward[i] != null && !forward[i].isEmpty()) {
                return new LevelCheck(violations, confluentBlock(checked.get(i), backward[i], forward[i]));
            }
        }
        return new LevelCheck(violations, List.of());
    }

    /**
     * Runs the check as Confluent does: versions newest first, stopping at the first that fails. The Confluent
     * entries equal those of {@link #run}; the violations are only that version's (both directions the level asks
     * for), so a breaking change costs one version's check instead of every version's.
     *
     * @param level the level; never null
     * @param candidate the new schema; never null
     * @param previous the live earlier versions, oldest first; never null
     * @param relaxed the stricter rules not to report; never null
     * @return the outcome; never null
     */
    public static LevelCheck untilFirstFailure(
            CompatibilityLevel level, AvroSchema candidate, List<VersionedSchema> previous, Set<Rule> relaxed) {
        if (previous.isEmpty() || !(level.checksBackward() || level.checksForward())) {
            return new LevelCheck(List.of(), List.of());
        }
        int oldest = level.isTransitive() ? 0 : previous.size() - 1;
        for (int i = previous.size() - 1; i >= oldest; i--) {
            VersionedSchema old = previous.get(i);
            DirectionCheck backward = level.checksBackward() ? run(Direction.BACKWARD, candidate, old, relaxed) : null;
            DirectionCheck forward = level.checksForward() ? run(Direction.FORWARD, candidate, old, relaxed) : null;
            if (backward != null && !backward.isEmpty() || forward != null && !forward.isEmpty()) {
                List<Violation> violations = new ArrayList<>();
                if (backward != null) {
                    violations.addAll(backward.violations());
                }
                if (forward != null) {
                    violations.addAll(forward.violations());
                }
                return new LevelCheck(violations, confluentBlock(old, backward, forward));
            }
        }
        return new LevelCheck(List.of(), List.of());
    }

    private static DirectionCheck run(
            Direction direction, AvroSchema candidate, VersionedSchema old, Set<Rule> relaxed) {
        return DirectionCheck.run(
                direction, old.version(), candidate.rawSchema(), old.schema().rawSchema(), relaxed);
    }

    /**
     * Confluent's entries for one version: FULL lists the forward findings first and appends the old schema
     * only after backward findings; BACKWARD and FORWARD append it after theirs.
     */
    private static List<String> confluentBlock(VersionedSchema old, DirectionCheck backward, DirectionCheck forward) {
        List<String> block = new ArrayList<>();
        if (forward != null) {
            block.addAll(forward.confluentEntries());
            if (backward == null && !forward.isEmpty()) {
                appendOldSchema(block, old);
            }
        }
        if (backward != null && !backward.isEmpty()) {
            block.addAll(backward.confluentEntries());
            appendOldSchema(block, old);
        }
        return block;
    }

    private static void appendOldSchema(List<String> block, VersionedSchema old) {
        block.add(ConfluentText.oldSchemaVersion(old.version()));
        block.add(ConfluentText.oldSchema(old.schema().canonicalString()));
    }
}
