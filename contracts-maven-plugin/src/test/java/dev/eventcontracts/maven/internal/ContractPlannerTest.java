package dev.eventcontracts.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractPlannerTest {

    @Test
    void fromDescriptor_repositoryContracts_plansTypeSubjectsFirstThenKeyAndValue() throws Exception {
        ContractDescriptor descriptor = ContractDescriptor.read(RepoSchemas.DESCRIPTOR);
        ContractDescriptor.Topic topic = descriptor.topics().get(0);

        List<SubjectPlan> plans = ContractPlanner.fromDescriptor(descriptor, RepoSchemas.AVRO);

        List<String> subjects = plans.stream().map(SubjectPlan::subject).toList();
        assertThat(subjects).hasSize(9).endsWith(topic.keySubject(), topic.valueSubject());
        assertThat(plans.get(8).level()).contains(topic.valueLevel());
        assertThat(plans.get(0).level()).contains(descriptor.referencedTypesLevel());
    }

    @Test
    void assemble_valueSubject_isTheUnionOfEventTypesWithReferencesByFullName() throws Exception {
        ContractDescriptor descriptor = ContractDescriptor.read(RepoSchemas.DESCRIPTOR);
        List<SubjectPlan> plans = ContractPlanner.fromDescriptor(descriptor, RepoSchemas.AVRO);
        ContractDescriptor.Topic topic = descriptor.topics().get(0);

        AvroSchema value = new SchemaAssembler(plans, null).assemble(topic.valueSubject());

        assertThat(value.rawSchema().getTypes()).extracting(s -> s.getFullName())
                .containsExactlyElementsOf(topic.eventTypes());
        assertThat(value.references()).extracting(SchemaReference::subject)
                .containsExactlyElementsOf(topic.eventTypes());
        assertThat(value.resolvedReferences()).containsKey(RepoSchemas.NS + "Money");
    }

    @Test
    void assemble_referenceWithoutVersion_takesTheVersionRecordedInThisRun() throws Exception {
        List<SubjectPlan> plans = ContractPlanner.fromDescriptor(ContractDescriptor.read(RepoSchemas.DESCRIPTOR),
                RepoSchemas.AVRO);
        SchemaAssembler assembler = new SchemaAssembler(plans, null);
        assembler.recordVersion(RepoSchemas.NS + "Money", 3);

        AvroSchema lineItem = assembler.assemble(RepoSchemas.NS + "LineItem");

        assertThat(lineItem.references()).containsExactly(
                new SchemaReference(RepoSchemas.NS + "Money", RepoSchemas.NS + "Money", 3));
    }

    @Test
    void referencesFirst_configuredOutOfOrder_putsReferencedSubjectsFirst() throws Exception {
        SubjectPlan value = new SubjectPlan("value", Optional.empty(), "[\"x.A\"]",
                List.of(new PlannedReference("x.A", "x.A", null)), "value.avsc");
        SubjectPlan a = new SubjectPlan("x.A", Optional.of(CompatibilityLevel.FULL), "{}", List.of(), "a.avsc");

        assertThat(ContractPlanner.referencesFirst(List.of(value, a))).containsExactly(a, value);
    }

    @Test
    void assemble_referenceToUnconfiguredSubjectOffline_failsNamingBothSubjects() throws Exception {
        SubjectPlan value = new SubjectPlan("value", Optional.empty(), "[\"x.A\"]",
                List.of(new PlannedReference("x.A", "x.A", null)), "value.avsc");

        assertThatThrownBy(() -> new SchemaAssembler(List.of(value), null).assemble("value"))
                .isInstanceOf(GateException.class).hasMessageContaining("'value'").hasMessageContaining("'x.A'");
    }

    @Test
    void assemble_invalidAvro_failsAsInvalidContractNamingSubjectAndSource() {
        SubjectPlan bad = new SubjectPlan("bad", Optional.empty(), "{\"type\":\"record\",\"name\":\"B\"}",
                List.of(), "B.avsc");

        assertThatThrownBy(() -> new SchemaAssembler(List.of(bad), null).assemble("bad"))
                .isInstanceOf(InvalidContractException.class).hasMessageContaining("'bad'")
                .hasMessageContaining("B.avsc");
    }
}
