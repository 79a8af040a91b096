package dev.eventcontracts.maven;

import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.InvalidContractException;
import dev.eventcontracts.maven.internal.LintFinding;
import dev.eventcontracts.maven.internal.LintRule;
import dev.eventcontracts.maven.internal.SchemaAssembler;
import dev.eventcontracts.maven.internal.SchemaLinter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the project's schemas: each must parse as Avro with its references, then pass the lint rules:
 * {@code type-doc}, {@code field-doc}, {@code namespace}, {@code optional-default}, {@code money-not-float},
 * {@code enum-default}. Needs no registry. Every finding is listed in the failure.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractContractsMojo {

    /** The lint rules to apply, by id; all when empty. */
    @Parameter
    List<String> lintRules = new ArrayList<>();

    /** Lint rules to leave out, by id, e.g. {@code field-doc}. */
    @Parameter(property = "contracts.skipLintRules")
    List<String> skipLintRules = new ArrayList<>();

    /** Regex matching names of fields and records that hold money, for {@code money-not-float}. */
    @Parameter(defaultValue = SchemaLinter.DEFAULT_MONEY_PATTERN)
    String moneyNamePattern = SchemaLinter.DEFAULT_MONEY_PATTERN;

    /** When set, every namespace must start with it. */
    @Parameter
    String namespacePrefix;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.local("validate").run(this::validate);
        }
    }

    private void validate() throws GateException, InvalidContractException, MojoFailureException {
        List<SubjectPlan> plans = plans();
        SchemaAssembler assembler = new SchemaAssembler(plans, null);
        SchemaLinter linter = new SchemaLinter(rules(), moneyNamePattern, namespacePrefix);
        List<LintFinding> findings = new ArrayList<>();
        for (SubjectPlan plan : plans) {
            List<LintFinding> f = linter.lint(plan.subject(), assembler.assemble(plan.subject()));
            findings.addAll(f);
            getLog().info("Subject '" + plan.subject() + "' (" + plan.source() + "): valid Avro"
                    + (f.isEmpty() ? ", lint clean." : ", " + f.size() + " lint finding(s)."));
        }
        if (!findings.isEmpty()) {
            StringBuilder sb = new StringBuilder("Schema validation failed: " + findings.size() + " lint finding(s):");
            findings.forEach(f -> sb.append("\n  - ").append(f.format()));
            throw new MojoFailureException(sb.toString());
        }
    }

    private Set<LintRule> rules() throws GateException {
        Set<LintRule> rules = lintRules == null || lintRules.isEmpty()
                ? EnumSet.allOf(LintRule.class)
                : EnumSet.noneOf(LintRule.class);
        if (lintRules != null) {
            for (String id : lintRules) {
                rules.add(parse(id));
            }
        }
        if (skipLintRules != null) {
            for (String id : skipLintRules) {
                if (!id.isBlank()) {
                    rules.remove(parse(id));
                }
            }
        }
        return rules;
    }

    private static LintRule parse(String id) throws GateException {
        return LintRule.parse(id)
                .orElseThrow(() -> new GateException("Unknown lint rule '" + id + "'; known: "
                        + Arrays.stream(LintRule.values()).map(LintRule::id).toList()));
    }
}
