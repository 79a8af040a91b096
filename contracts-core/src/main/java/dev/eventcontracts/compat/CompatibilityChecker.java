package dev.eventcontracts.compat;

import dev.eventcontracts.compat.internal.LevelCheck;
import dev.eventcontracts.schema.AvroSchema;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a new schema is compatible with earlier versions of a subject. Pure: no I/O, thread-safe.
 *
 * <p>The verdict starts from Avro's {@code SchemaCompatibility}, as Confluent Schema Registry's does, so every
 * change Confluent refuses is refused here too. On top, the rules where {@link Rule#stricterThanConfluent()}
 * is true refuse changes that Avro's checker lets through although they corrupt data (decimal scale and
 * precision, other logical types, timestamp units, invalid defaults, enum symbols read as the enum default);
 * each can be relaxed with {@link #builder()}.
 *
 * <p>Levels: {@code BACKWARD} checks that the new schema reads data written with the latest version,
 * {@code FORWARD} that the latest version reads data written with the new schema, {@code FULL} both; the
 * {@code _TRANSITIVE} levels check every version given instead of only the latest; {@code NONE} checks
 * nothing.
 */
public final class CompatibilityChecker {

    private static final CompatibilityChecker STANDARD = new CompatibilityChecker(EnumSet.noneOf(Rule.class));

    private final Set<Rule> relaxed;

    private CompatibilityChecker(EnumSet<Rule> relaxed) {
        this.relaxed = Collections.unmodifiableSet(EnumSet.copyOf(relaxed));
    }

    /** Returns the default checker: Confluent's verdicts plus every stricter rule. */
    public static CompatibilityChecker standard() {
        return STANDARD;
    }

    /**
     * Returns a builder to relax stricter rules.
     *
     * @return a new builder; never null
     * @since 0.1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the stricter rules this checker does not report.
     *
     * @return the relaxed rules; never null
     * @since 0.1.0
     */
    public Set<Rule> relaxedRules() {
        return relaxed;
    }

    /**
     * Checks {@code candidate} against the live earlier versions at {@code level}.
     *
     * @param level the subject's level; never null
     * @param candidate the new schema; never null
     * @param previous the live earlier versions, oldest first; never null, may be empty (always compatible)
     * @return every violation found against every version the level selects, and Confluent's wording of them
     */
    public CompatibilityResult check(CompatibilityLevel level, AvroSchema candidate, List<VersionedSchema> previous) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(previous, "previous");
        LevelCheck outcome = LevelCheck.run(level, candidate, previous, relaxed);
        return new CompatibilityResult(level, outcome.violations(), outcome.confluentDetails());
    }

    /**
     * Checks {@code candidate} as Confluent Schema Registry does: versions newest first, stopping at the first that
     * fails. The verdict and {@link CompatibilityResult#confluentMessages()} equal those of {@link #check}; the
     * violations are those of the failing version only (both directions the level asks for), so refusing a
     * breaking change costs one version's check, not one per version. Use it where the verdict and Confluent's
     * message suffice, e.g. a registration that is not verbose.
     *
     * @param level the subject's level; never null
     * @param candidate the new schema; never null
     * @param previous the live earlier versions, oldest first; never null, may be empty (always compatible)
     * @return the verdict, the newest failing version's violations and Confluent's wording of them
     * @since 0.1.0
     */
    public CompatibilityResult checkUntilFirstFailure(
            CompatibilityLevel level, AvroSchema candidate, List<VersionedSchema> previous) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(previous, "previous");
        LevelCheck outcome = LevelCheck.untilFirstFailure(level, candidate, previous, relaxed);
        return new CompatibilityResult(level, outcome.violations(), outcome.confluentDetails());
    }

    /**
     * Builds a checker with some of the stricter rules turned off, e.g.
     * {@code CompatibilityChecker.builder().relax(Rule.DECIMAL_SCALE_CHANGED).build()}.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private final EnumSet<Rule> relaxed = EnumSet.noneOf(Rule.class);

        private Builder() {}

        /**
         * Turns off stricter rules.
         *
         * @param rules rules where {@link Rule#stricterThanConfluent()} is true; never null
         * @return this builder
         * @throws IllegalArgumentException naming the rule, when a rule is one Avro's checker decides: relaxing
         *     it would accept changes Confluent Schema Registry refuses
         */
        public Builder relax(Rule... rules) {
            return relax(Arrays.asList(rules));
        }

        /**
         * Turns off stricter rules.
         *
         * @param rules rules where {@link Rule#stricterThanConfluent()} is true; never null
         * @return this builder
         * @throws IllegalArgumentException naming the rule, when a rule is one Avro's checker decides
         */
        public Builder relax(Collection<Rule> rules) {
            for (Rule rule : rules) {
                Objects.requireNonNull(rule, "rule");
                if (!rule.stricterThanConfluent()) {
                    throw new IllegalArgumentException("Rule " + rule + " cannot be relaxed: Avro's checker "
                            + "decides it, as Confluent Schema Registry does; relaxable rules are "
                            + Arrays.stream(Rule.values())
                                    .filter(Rule::stricterThanConfluent)
                                    .toList());
                }
                relaxed.add(rule);
            }
            return this;
        }

        /**
         * Returns the checker.
         *
         * @return a checker without the relaxed rules; never null
         */
        public CompatibilityChecker build() {
            return new CompatibilityChecker(relaxed);
        }
    }
}
