package dev.eventcontracts.maven.internal;

/**
 * One place where a schema breaks a lint rule.
 *
 * @param rule the rule; never null
 * @param subject the subject whose schema it is in; never null
 * @param path the type or field, e.g. {@code dev.eventcontracts.orders.Money.amount}; never null
 * @param message what is wrong; never null
 * @param fixHint how to fix it; never null
 */
public record LintFinding(LintRule rule, String subject, String path, String message, String fixHint) {

    /** Formats the finding on one line for build output. */
    public String format() {
        return "[" + rule.id() + "] subject '" + subject + "', " + path + ": " + message + " Fix: " + fixHint;
    }
}
