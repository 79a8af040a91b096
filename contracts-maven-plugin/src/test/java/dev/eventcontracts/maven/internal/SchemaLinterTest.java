package dev.eventcontracts.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.contracts.ContractPlanner;
import dev.eventcontracts.contracts.ContractTypes;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.schema.AvroSchema;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaLinterTest {

    private static final SchemaLinter ALL =
            new SchemaLinter(EnumSet.allOf(LintRule.class), SchemaLinter.DEFAULT_MONEY_PATTERN, null);

    private static List<LintRule> rules(SchemaLinter linter, String schema) {
        return linter.lint("s", AvroSchema.parse(schema)).stream()
                .map(LintFinding::rule)
                .toList();
    }

    @Test
    void lint_repositoryContracts_findNothing() throws Exception {
        List<SubjectPlan> plans = ContractPlanner.plan(
                TopicContracts.read(RepoSchemas.DESCRIPTOR), ContractTypes.readDirectory(RepoSchemas.AVRO));
        SchemaAssembler assembler = new SchemaAssembler(plans, null);

        for (SubjectPlan p : plans) {
            assertThat(ALL.lint(p.subject(), assembler.assemble(p.subject())))
                    .as(p.subject())
                    .isEmpty();
        }
    }

    @Test
    void lint_recordAndFieldWithoutDoc_reportsTypeDocAndFieldDoc() {
        assertThat(rules(ALL, """
                {"type":"record","name":"A","namespace":"x","fields":[{"name":"f","type":"int"}]}""")).containsExactly(LintRule.TYPE_DOC, LintRule.FIELD_DOC);
    }

    @Test
    void lint_typeWithoutNamespace_reportsNamespace() {
        assertThat(rules(ALL, """
                {"type":"record","name":"A","doc":"d","fields":[]}""")).containsExactly(LintRule.NAMESPACE);
    }

    @Test
    void lint_namespaceOutsideRequiredPrefix_reportsNamespace() {
        SchemaLinter linter = new SchemaLinter(EnumSet.of(LintRule.NAMESPACE), ".*", "dev.acme");

        assertThat(rules(linter, """
                {"type":"record","name":"A","namespace":"org.other","fields":[]}""")).containsExactly(LintRule.NAMESPACE);
    }

    @Test
    void lint_optionalFieldWithoutDefault_reportsOptionalDefault() {
        assertThat(rules(ALL, """
                {"type":"record","name":"A","namespace":"x","doc":"d",
                 "fields":[{"name":"f","type":["null","string"],"doc":"d"}]}""")).containsExactly(LintRule.OPTIONAL_DEFAULT);
    }

    @Test
    void lint_doubleAmountField_reportsMoneyNotFloat() {
        assertThat(rules(ALL, """
                {"type":"record","name":"Order","namespace":"x","doc":"d",
                 "fields":[{"name":"totalAmount","type":"double","doc":"d"}]}""")).containsExactly(LintRule.MONEY_NOT_FLOAT);
    }

    @Test
    void lint_doubleOutsideMoneyNames_isAllowed() {
        assertThat(rules(ALL, """
                {"type":"record","name":"Reading","namespace":"x","doc":"d",
                 "fields":[{"name":"temperature","type":"double","doc":"d"}]}""")).isEmpty();
    }

    @Test
    void lint_enumWithoutDefault_reportsEnumDefault() {
        assertThat(rules(ALL, """
                {"type":"enum","name":"E","namespace":"x","doc":"d","symbols":["A","B"]}""")).containsExactly(LintRule.ENUM_DEFAULT);
    }

    @Test
    void lint_disabledRule_isNotReported() {
        SchemaLinter noDocs = new SchemaLinter(
                EnumSet.complementOf(EnumSet.of(LintRule.TYPE_DOC, LintRule.FIELD_DOC)),
                SchemaLinter.DEFAULT_MONEY_PATTERN,
                null);

        assertThat(rules(noDocs, """
                {"type":"record","name":"A","namespace":"x","fields":[{"name":"f","type":"int"}]}""")).isEmpty();
    }

    @Test
    void parse_ruleIdOrEnumName_findsTheRule() {
        assertThat(LintRule.parse("field-doc")).contains(LintRule.FIELD_DOC);
        assertThat(LintRule.parse("MONEY_NOT_FLOAT")).contains(LintRule.MONEY_NOT_FLOAT);
        assertThat(LintRule.parse("nope")).isEmpty();
    }
}
