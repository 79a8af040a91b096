package dev.eventcontracts.maven.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of the {@code validate} goal's lint. Ids are stable: configurations and reports name them.
 */
public enum LintRule {
    /** Every record, enum and fixed has a {@code doc}. */
    TYPE_DOC("type-doc"),
    /** Every field has a {@code doc}. */
    FIELD_DOC("field-doc"),
    /** Every named type has a namespace (and, when configured, one under the required prefix). */
    NAMESPACE("namespace"),
    /** A field whose type is a union with {@code null} has a default. */
    OPTIONAL_DEFAULT("optional-default"),
    /** No {@code float} or {@code double} for amounts of money: use {@code decimal}. */
    MONEY_NOT_FLOAT("money-not-float"),
    /** Every enum has a default symbol, so readers survive symbols added later. */
    ENUM_DEFAULT("enum-default");

    private final String id;

    LintRule(String id) {
        this.id = id;
    }

    /** Returns the rule's id as configured, e.g. {@code field-doc}; never null. */
    public String id() {
        return id;
    }

    /**
     * Finds a rule by id or enum name, case-insensitively.
     *
     * @param text the id, e.g. {@code field-doc} or {@code FIELD_DOC}; null gives empty
     * @return the rule, or empty when no rule has that id
     */
    public static Optional<LintRule> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.id.equals(t)).findFirst();
    }
}
