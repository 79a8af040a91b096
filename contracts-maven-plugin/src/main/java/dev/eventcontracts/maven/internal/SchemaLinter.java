package dev.eventcontracts.maven.internal;

import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Lints Avro schemas with a configurable rule set. Only the types a subject's own text defines are linted;
 * referenced types are linted under their own subjects.
 */
public final class SchemaLinter {

    /** The default pattern of field and record names that hold money. */
    public static final String DEFAULT_MONEY_PATTERN =
            "(?i).*(amount|price|cost|total|money|fee|balance|tax|discount|charge).*";

    private final Set<LintRule> rules;
    private final Pattern moneyNames;
    private final String namespacePrefix;

    /**
     * Creates a linter.
     *
     * @param rules the enabled rules; never null
     * @param moneyNamePattern regex matching names of money fields and records; never null
     * @param namespacePrefix every namespace must start with this; null or empty for any namespace
     */
    public SchemaLinter(Set<LintRule> rules, String moneyNamePattern, String namespacePrefix) {
        this.rules = rules.isEmpty() ? EnumSet.noneOf(LintRule.class) : EnumSet.copyOf(rules);
        this.moneyNames = Pattern.compile(moneyNamePattern);
        this.namespacePrefix = namespacePrefix == null ? "" : namespacePrefix;
    }

    /**
     * Lints the types a subject's schema defines.
     *
     * @param subject the subject, for the findings; never null
     * @param schema the subject's schema; never null
     * @return every finding, in schema order; never null
     */
    public List<LintFinding> lint(String subject, AvroSchema schema) {
        Set<String> skip = new HashSet<>();
        schema.referencedTypes().forEach(t -> skip.add(t.getFullName()));
        List<LintFinding> out = new ArrayList<>();
        walk(subject, schema.rawSchema(), skip, new HashSet<>(), out);
        return out;
    }

    private void walk(String subject, Schema s, Set<String> skip, Set<String> seen, List<LintFinding> out) {
        switch (s.getType()) {
            case RECORD, ENUM, FIXED -> {
                if (skip.contains(s.getFullName()) || !seen.add(s.getFullName())) {
                    return;
                }
                named(subject, s, out);
                if (s.getType() == Schema.Type.RECORD) {
                    for (Schema.Field f : s.getFields()) {
                        field(subject, s, f, out);
                        walk(subject, f.schema(), skip, seen, out);
                    }
                }
            }
            case ARRAY -> walk(subject, s.getElementType(), skip, seen, out);
            case MAP -> walk(subject, s.getValueType(), skip, seen, out);
            case UNION -> s.getTypes().forEach(t -> walk(subject, t, skip, seen, out));
            default -> {
                // primitives define no type
            }
        }
    }

    private void named(String subject, Schema s, List<LintFinding> out) {
        String kind = s.getType().getName();
        if (on(LintRule.TYPE_DOC) && blank(s.getDoc())) {
            out.add(new LintFinding(
                    LintRule.TYPE_DOC,
                    subject,
                    s.getFullName(),
                    kind + " '" + s.getName() + "' has no doc.",
                    "add \"doc\": \"what a " + s.getName() + " is\" to the " + kind + "."));
        }
        String ns = s.getNamespace();
        if (on(LintRule.NAMESPACE) && (blank(ns) || !ns.startsWith(namespacePrefix))) {
            out.add(new LintFinding(
                    LintRule.NAMESPACE,
                    subject,
                    s.getFullName(),
                    kind + " '" + s.getName()
                            + "' has namespace '" + (ns == null ? "" : ns) + "'"
                            + (namespacePrefix.isEmpty()
                                    ? "."
                                    : "; expected one starting with '" + namespacePrefix + "'."),
                    "give it a \"namespace\"" + (namespacePrefix.isEmpty() ? "" : " under " + namespacePrefix) + "."));
        }
        if (on(LintRule.ENUM_DEFAULT) && s.getType() == Schema.Type.ENUM && s.getEnumDefault() == null) {
            out.add(new LintFinding(
                    LintRule.ENUM_DEFAULT,
                    subject,
                    s.getFullName(),
                    "enum '" + s.getName() + "' has no default, so a reader fails on any symbol added later.",
                    "add a symbol such as UNKNOWN and \"default\": \"UNKNOWN\"."));
        }
        if (on(LintRule.MONEY_NOT_FLOAT)
                && s.getType() == Schema.Type.RECORD
                && moneyNames.matcher(s.getName()).matches()) {
            for (Schema.Field f : s.getFields()) {
                if (floating(f.schema())) {
                    out.add(money(subject, s.getFullName() + "." + f.name(), f));
                }
            }
        }
    }

    private void field(String subject, Schema record, Schema.Field f, List<LintFinding> out) {
        String path = record.getFullName() + "." + f.name();
        if (on(LintRule.FIELD_DOC) && blank(f.doc())) {
            out.add(new LintFinding(
                    LintRule.FIELD_DOC,
                    subject,
                    path,
                    "field '" + f.name() + "' has no doc.",
                    "add \"doc\" to field '" + f.name() + "'."));
        }
        if (on(LintRule.OPTIONAL_DEFAULT)
                && f.schema().isNullable()
                && f.schema().isUnion()
                && !f.hasDefaultValue()) {
            out.add(new LintFinding(
                    LintRule.OPTIONAL_DEFAULT,
                    subject,
                    path,
                    "optional field '" + f.name()
                            + "' (a union with null) has no default, so adding or removing it breaks compatibility.",
                    "put \"null\" first in the union and add \"default\": null."));
        }
        if (on(LintRule.MONEY_NOT_FLOAT)
                && floating(f.schema())
                && moneyNames.matcher(f.name()).matches()
                && !moneyNames.matcher(record.getName()).matches()) {
            out.add(money(subject, path, f));
        }
    }

    private static LintFinding money(String subject, String path, Schema.Field f) {
        return new LintFinding(
                LintRule.MONEY_NOT_FLOAT,
                subject,
                path,
                "field '" + f.name() + "' holds money as " + f.schema()
                        + "; binary floating point cannot hold cents exactly.",
                "use {\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 12, \"scale\": 2}"
                        + " (add a new field; changing the type breaks compatibility).");
    }

    private static boolean floating(Schema s) {
        return switch (s.getType()) {
            case FLOAT, DOUBLE -> true;
            case UNION -> s.getTypes().stream().anyMatch(SchemaLinter::floating);
            default -> false;
        };
    }

    private boolean on(LintRule rule) {
        return rules.contains(rule);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
