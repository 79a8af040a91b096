package dev.eventcontracts.maven.internal;

import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the compatibility gate over planned subjects in order and reports each verdict as it is made.
 */
public final class GateRun {

    private final Consumer<String> info;
    private final Consumer<String> warn;
    private final boolean verbose;

    /**
     * Creates a run.
     *
     * @param info where progress lines go; never null
     * @param warn where warnings and failures go; never null
     * @param verbose whether to log the versions each subject was checked against
     */
    public GateRun(Consumer<String> info, Consumer<String> warn, boolean verbose) {
        this.info = info;
        this.warn = warn;
        this.verbose = verbose;
    }

    /**
     * Checks every planned subject against its history.
     *
     * @param goal the goal name, for the report; never null
     * @param plans the subjects, referenced subjects first; never null
     * @param assembler builds each candidate schema; never null
     * @param source the history; never null
     * @return the report; never null
     * @throws GateException when the history cannot be read or the engine fails
     * @throws InvalidContractException when a candidate is not valid Avro
     */
    public GateReport run(String goal, List<SubjectPlan> plans, SchemaAssembler assembler, HistorySource source)
            throws GateException, InvalidContractException {
        info.accept("Checking " + plans.size() + " subject(s) against " + source.describe());
        CompatibilityGate gate = new CompatibilityGate(CompatibilityChecker.standard());
        List<SubjectOutcome> outcomes = new ArrayList<>();
        for (SubjectPlan plan : plans) {
            AvroSchema candidate = assembler.assemble(plan.subject());
            SubjectOutcome outcome = gate.check(plan, candidate, source.history(plan.subject()));
            log(outcome);
            outcomes.add(outcome);
        }
        return new GateReport(goal, source.describe(), outcomes);
    }

    private void log(SubjectOutcome o) {
        o.notes().stream().filter(n -> n.startsWith("configured level")).forEach(warn);
        switch (o.status()) {
            case NEW_SUBJECT ->
                info.accept("Subject '" + o.subject() + "' is not registered yet: nothing to check "
                        + "against; register will create its version 1.");
            case PASSED ->
                info.accept("Subject '" + o.subject() + "' is " + o.level() + " compatible"
                        + (verbose ? " with " + String.join(", ", o.checkedAgainst()) : "") + ".");
            case FAILED ->
                warn.accept("Subject '" + o.subject() + "' is NOT " + o.level() + " compatible: "
                        + o.violations().size() + " violation(s) against " + String.join(", ", o.checkedAgainst())
                        + ".");
        }
    }
}
