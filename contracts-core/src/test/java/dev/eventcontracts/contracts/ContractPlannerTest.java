package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractPlannerTest {

    @Test
    void plan_repositoryContracts_plansTypeSubjectsFirstThenKeyAndValue() {
        TopicContracts topics = TopicContracts.read(RepoSchemas.DESCRIPTOR);
        TopicContract topic = topics.topics().get(0);

        List<SubjectPlan> plans = ContractPlanner.plan(topics, ContractTypes.readDirectory(RepoSchemas.AVRO));

        List<String> subjects = plans.stream().map(SubjectPlan::subject).toList();
        assertThat(subjects)
                .hasSize(9)
                .endsWith(topic.key().subject(), topic.value().subject());
        assertThat(plans.get(8).level()).contains(topic.value().level());
        assertThat(plans.get(8).schemaText()).startsWith("[\"" + RepoSchemas.NS);
        assertThat(plans.get(7).schemaText()).isEqualTo("\"string\"");
        assertThat(plans.get(0).level()).contains(topics.referencedTypesLevel());
        assertThat(plans.get(0).source()).endsWith(".avsc");
    }

    @Test
    void plan_eventTypeThatNoFileDefines_failsNamingTopicAndType(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A.avsc"), """
                {"type":"record","name":"A","namespace":"x","fields":[]}""");

        assertThatThrownBy(() -> ContractPlanner.plan(
                        TopicContracts.read(RepoSchemas.DESCRIPTOR), ContractTypes.readDirectory(dir)))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("order-events")
                .hasMessageContaining(RepoSchemas.NS + "OrderCreated");
    }

    @Test
    void referencesFirst_configuredOutOfOrder_putsReferencedSubjectsFirst() {
        SubjectPlan value = new SubjectPlan(
                "value",
                Optional.empty(),
                "[\"x.A\"]",
                List.of(new PlannedReference("x.A", "x.A", null)),
                "value.avsc");
        SubjectPlan a = new SubjectPlan("x.A", Optional.of(CompatibilityLevel.FULL), "{}", List.of(), "a.avsc");

        assertThat(ContractPlanner.referencesFirst(List.of(value, a))).containsExactly(a, value);
    }

    @Test
    void referencesFirst_cycle_failsNamingTheSubject() {
        SubjectPlan a =
                new SubjectPlan("a", Optional.empty(), "{}", List.of(new PlannedReference("B", "b", null)), "a.avsc");
        SubjectPlan b =
                new SubjectPlan("b", Optional.empty(), "{}", List.of(new PlannedReference("A", "a", null)), "b.avsc");

        assertThatThrownBy(() -> ContractPlanner.referencesFirst(List.of(a, b)))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("cycle");
    }
}
