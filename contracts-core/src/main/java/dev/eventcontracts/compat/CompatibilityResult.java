package dev.eventcontracts.compat;

import dev.eventcontracts.compat.internal.ConfluentText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a schema against earlier versions at one level: every violation found, not only
 * the first, and the same findings in Confluent Schema Registry's wording.
 *
 * <p>{@link #violations()} covers every checked version ({@link CompatibilityChecker#checkUntilFirstFailure} checks
 * only until the newest failing version). {@link #confluentDetails()} is what Confluent
 * reports, which is less: it checks versions newest first and stops at the first that fails, so only that
 * version's findings appear, followed by {@code {oldSchemaVersion: n}} and {@code {oldSchema: '...'}}.
 * Entries for Avro's findings equal Confluent's byte for byte; entries for our stricter rules have the same
 * shape, name the field and say that Confluent would accept the change.
 *
 * @param level the level checked; never null
 * @param violations all violations, versions oldest first, BACKWARD before FORWARD; empty when compatible
 * @param confluentDetails Confluent's message entries, without the trailing {@code validateFields} entry;
 *     empty when compatible
 */
public record CompatibilityResult(CompatibilityLevel level, List<Violation> violations, List<String> confluentDetails) {

    /** Copies the lists. */
    public CompatibilityResult {
        Objects.requireNonNull(level, "level");
        violations = List.copyOf(violations);
        confluentDetails = List.copyOf(confluentDetails);
    }

    /**
     * Creates a result without Confluent details, e.g. for tests or for findings from elsewhere.
     *
     * @param level the level checked; never null
     * @param violations all violations; never null
     */
    public CompatibilityResult(CompatibilityLevel level, List<Violation> violations) {
        this(level, violations, List.of());
    }

    /** Returns whether no rule was violated. */
    public boolean isCompatible() {
        return violations.isEmpty();
    }

    /**
     * Returns the messages Confluent Schema Registry answers for this result with {@code validateFields}
     * off (its default): in a 409 body and in {@code "messages"} of a {@code ?verbose=true} compatibility check.
     *
     * @return the messages; empty when compatible
     * @since 0.1.0
     */
    public List<String> confluentMessages() {
        return confluentMessages(false);
    }

    /**
     * Returns the messages Confluent Schema Registry answers for this result: {@link #confluentDetails()}
     * followed by {@code {validateFields: '<validateFields>', compatibility: '<level>'}}.
     *
     * @param validateFields the subject's {@code validateFields} setting
     * @return the messages; empty when compatible
     * @since 0.1.0
     */
    public List<String> confluentMessages(boolean validateFields) {
        if (confluentDetails.isEmpty()) {
            return List.of();
        }
        List<String> messages = new ArrayList<>(confluentDetails);
        messages.add(ConfluentText.trailer(validateFields, level.name()));
        return List.copyOf(messages);
    }

    /**
     * Returns the {@code message} of Confluent's 409 answer when registering this schema under {@code subject}
     * fails (error code {@code 40901}), with {@code validateFields} off.
     *
     * @param subject the subject; never null
     * @return the message; never null
     * @since 0.1.0
     */
    public String registerConflictMessage(String subject) {
        return ConfluentMessages.incompatibleSchema(subject, confluentMessages());
    }
}
