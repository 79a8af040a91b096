package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaAssemblerTest {

    private static List<SubjectPlan> repositoryPlans() {
        return ContractPlanner.plan(
                TopicContracts.read(RepoSchemas.DESCRIPTOR), ContractTypes.readDirectory(RepoSchemas.AVRO));
    }

    @Test
    void assemble_valueSubject_isTheUnionOfEventTypesWithReferencesByFullName() {
        TopicContract topic =
                TopicContracts.read(RepoSchemas.DESCRIPTOR).topics().get(0);

        AvroSchema value = SchemaAssembler.offline(repositoryPlans())
                .assemble(topic.value().subject());

        assertThat(value.rawSchema().getTypes())
                .extracting(s -> s.getFullName())
                .containsExactlyElementsOf(topic.value().eventTypes());
        assertThat(value.references())
                .extracting(SchemaReference::subject)
                .containsExactlyElementsOf(topic.value().eventTypes());
        assertThat(value.resolvedReferences()).containsKey(RepoSchemas.NS + "Money");
    }

    @Test
    void assemble_referenceWithoutVersion_takesTheVersionRecordedInThisRun() {
        SchemaAssembler<RuntimeException> assembler = SchemaAssembler.offline(repositoryPlans());
        assembler.recordVersion(RepoSchemas.NS + "Money", 3);

        AvroSchema lineItem = assembler.assemble(RepoSchemas.NS + "LineItem");

        assertThat(lineItem.references())
                .containsExactly(new SchemaReference(RepoSchemas.NS + "Money", RepoSchemas.NS + "Money", 3));
    }

    @Test
    void assemble_referenceOutsideThePlans_asksTheExternalSource() throws Exception {
        SubjectPlan value = new SubjectPlan(
                "value", Optional.empty(), "[\"x.A\"]", List.of(new PlannedReference("x.A", "x.A", 2)), "value.avsc");
        AvroSchema a = AvroSchema.parse("{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"x\",\"fields\":[]}");

        AvroSchema assembled = new SchemaAssembler<Exception>(List.of(value), (subject, version) -> {
                    assertThat(subject).isEqualTo("x.A");
                    assertThat(version).isEqualTo(2);
                    return a;
                })
                .assemble("value");

        assertThat(assembled.references()).containsExactly(new SchemaReference("x.A", "x.A", 2));
        assertThat(assembled.rawSchema().getTypes().get(0).getFullName()).isEqualTo("x.A");
    }

    @Test
    void assemble_referenceOutsideThePlansOffline_failsNamingBothSubjects() {
        SubjectPlan value = new SubjectPlan(
                "value",
                Optional.empty(),
                "[\"x.A\"]",
                List.of(new PlannedReference("x.A", "x.A", null)),
                "value.avsc");

        assertThatThrownBy(() -> SchemaAssembler.offline(List.of(value)).assemble("value"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("'value'")
                .hasMessageContaining("'x.A'");
    }

    @Test
    void assemble_invalidAvro_failsAsInvalidSchemaNamingSubjectAndSource() {
        SubjectPlan bad =
                new SubjectPlan("bad", Optional.empty(), "{\"type\":\"record\",\"name\":\"B\"}", List.of(), "B.avsc");

        assertThatThrownBy(() -> SchemaAssembler.offline(List.of(bad)).assemble("bad"))
                .isInstanceOf(InvalidContractSchemaException.class)
                .hasMessageContaining("'bad'")
                .hasMessageContaining("B.avsc");
    }
}
