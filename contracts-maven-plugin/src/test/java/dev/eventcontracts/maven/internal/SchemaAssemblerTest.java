package dev.eventcontracts.maven.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.contracts.PlannedReference;
import dev.eventcontracts.contracts.SubjectPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The goals' two kinds of failure out of the core's assembler. */
class SchemaAssemblerTest {

    @Test
    void assemble_referenceToUnconfiguredSubjectOffline_isAGateProblemNamingBothSubjects() {
        SubjectPlan value = new SubjectPlan(
                "value",
                Optional.empty(),
                "[\"x.A\"]",
                List.of(new PlannedReference("x.A", "x.A", null)),
                "value.avsc");

        assertThatThrownBy(() -> new SchemaAssembler(List.of(value), null).assemble("value"))
                .isInstanceOf(GateException.class)
                .hasMessageContaining("'value'")
                .hasMessageContaining("'x.A'");
    }

    @Test
    void assemble_invalidAvro_isAnInvalidContractNamingSubjectAndSource() {
        SubjectPlan bad =
                new SubjectPlan("bad", Optional.empty(), "{\"type\":\"record\",\"name\":\"B\"}", List.of(), "B.avsc");

        assertThatThrownBy(() -> new SchemaAssembler(List.of(bad), null).assemble("bad"))
                .isInstanceOf(InvalidContractException.class)
                .hasMessageContaining("'bad'")
                .hasMessageContaining("B.avsc");
    }
}
