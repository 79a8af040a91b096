package dev.eventcontracts.maven;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.maven.internal.CompatibilityGate;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GateReport;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.InvalidContractException;
import dev.eventcontracts.maven.internal.RegistryFailures;
import dev.eventcontracts.maven.internal.RegistryGateway;
import dev.eventcontracts.maven.internal.RegistryHistory;
import dev.eventcontracts.maven.internal.SchemaAssembler;
import dev.eventcontracts.maven.internal.SubjectOutcome;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Registers the project's schemas, referenced subjects first and in order, and prints subject, id and version
 * for each. Idempotent: a schema already registered is reported as unchanged and nothing is written. A level
 * given by the descriptor or {@code compatibilityLevels} is set on the subject first when it differs.
 *
 * <p>With {@code dryRun} nothing is written: each subject is looked up and checked locally, and the goal says
 * what it would do. An incompatible schema fails the goal with the full violation report.
 *
 * @since 0.1.0
 */
@Mojo(name = "register", threadSafe = true)
public class RegisterMojo extends AbstractContractsMojo {

    /** Whether the registry normalizes schemas before registering ({@code normalize=true}). */
    @Parameter(property = "contracts.normalizeSchemas", defaultValue = "false")
    boolean normalizeSchemas;

    /** Shows what would be registered without writing anything. */
    @Parameter(property = "contracts.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Subjects a dry run would register: schemas referring to them cannot be looked up yet. */
    private final Set<String> wouldRegister = new HashSet<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.withRegistry("register", "register schemas", this::registryDescription)
                    .run(this::register);
        }
    }

    private void register() throws GateException, InvalidContractException, MojoFailureException {
        String where = registryDescription();
        try (RegistryGateway registry = openRegistry()) {
            List<SubjectPlan> plans = plans();
            SchemaAssembler assembler = new SchemaAssembler(plans, (s, v) -> registry.version(s, v));
            List<SubjectOutcome> failures = new ArrayList<>();
            for (SubjectPlan plan : plans) {
                registerOne(registry, assembler, plan, where).ifPresent(failures::add);
            }
            if (!failures.isEmpty()) {
                throw new MojoFailureException(
                        new GateReport("register", "the schema registry at " + where, failures).failureMessage());
            }
        }
    }

    private Optional<SubjectOutcome> registerOne(
            RegistryGateway registry, SchemaAssembler assembler, SubjectPlan plan, String where)
            throws GateException, InvalidContractException {
        String subject = plan.subject();
        AvroSchema schema = assembler.assemble(subject);
        applyLevel(registry, plan);
        boolean refersToPending = plan.references().stream().anyMatch(r -> wouldRegister.contains(r.subject()));
        Optional<RegisteredVersion> existing =
                refersToPending ? Optional.empty() : registry.lookup(subject, schema, normalizeSchemas);
        if (existing.isPresent()) {
            RegisteredVersion v = existing.get();
            getLog().info("Subject '" + subject + "': unchanged, already registered with id " + v.id() + " version "
                    + v.version());
            assembler.recordVersion(subject, v.version());
            return Optional.empty();
        }
        SubjectOutcome outcome = new CompatibilityGate(CompatibilityChecker.standard())
                .check(plan, schema, new RegistryHistory(registry, where).history(subject));
        if (outcome.status() == SubjectOutcome.Status.FAILED) {
            getLog().error("Subject '" + subject + "': NOT registered, incompatible at " + outcome.level());
            return Optional.of(outcome);
        }
        if (dryRun) {
            int next = registry.versions(subject).size() + 1;
            getLog().info("[dry run] Subject '" + subject + "': would register a new version (version " + next + "), "
                    + outcome.level() + " compatible");
            assembler.recordVersion(subject, next);
            wouldRegister.add(subject);
            return Optional.empty();
        }
        try {
            int id = registry.register(subject, schema, normalizeSchemas);
            int version = registry.lookup(subject, schema, normalizeSchemas)
                    .map(RegisteredVersion::version)
                    .orElseThrow(() -> new GateException("Subject '" + subject + "' was registered with id " + id
                            + " but the registry cannot find it again"));
            getLog().info("Registered subject '" + subject + "' with id " + id + " version " + version);
            assembler.recordVersion(subject, version);
            return Optional.empty();
        } catch (RegistryException e) {
            if (e.status() == 409) {
                throw new GateException(
                        "The registry at " + where + " refused subject '" + subject
                                + "' as incompatible although the local check passed: " + e.getMessage(),
                        e);
            }
            throw RegistryFailures.toGateException("register subject '" + subject + "'", where, e);
        }
    }

    private void applyLevel(RegistryGateway registry, SubjectPlan plan) {
        if (plan.level().isEmpty()) {
            return;
        }
        CompatibilityLevel wanted = plan.level().get();
        Optional<CompatibilityLevel> current = registry.subjectLevel(plan.subject());
        // Some registries (Apicurio 3) answer NONE for a subject without a level of its own, where Confluent
        // answers 40408; the subject then still runs at the global level. Only when the level in force agrees
        // too is the subject's level really the wanted one.
        if (current.isPresent() && current.get() == wanted && registry.effectiveLevel(plan.subject()) == wanted) {
            return;
        }
        if (dryRun) {
            getLog().info("[dry run] Subject '" + plan.subject() + "': would set compatibility " + wanted + " (now "
                    + current.map(Enum::name).orElse("the global level") + ")");
        } else {
            registry.setLevel(plan.subject(), wanted);
            getLog().info("Subject '" + plan.subject() + "': compatibility set to " + wanted);
        }
    }
}
