package dev.eventcontracts.maven;

import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.maven.internal.BaselineHistory;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GateReport;
import dev.eventcontracts.maven.internal.GateRun;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.HistorySource;
import dev.eventcontracts.maven.internal.InvalidContractException;
import dev.eventcontracts.maven.internal.RegistryFailures;
import dev.eventcontracts.maven.internal.RegistryGateway;
import dev.eventcontracts.maven.internal.RegistryHistory;
import dev.eventcontracts.maven.internal.ReportWriter;
import dev.eventcontracts.maven.internal.SchemaAssembler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Tests the project's schemas for compatibility at each subject's level, transitive levels against every
 * version: the check {@code register} will meet.
 *
 * <p>With a registry configured ({@code schemaRegistryUrls} or {@code -Dschema.registry.url}) the history and
 * levels are the registry's (the <em>registry gate</em>). Without one, the schemas are checked against the
 * released baseline in the repository (the <em>offline gate</em>): {@code baselineDirectory}, by default
 * {@code released/} beside the topic-contract descriptor. A subject without earlier versions passes with an
 * info line. Every violation (subject, old version, field name and path, rule, fix) is in the failure message
 * and in the reports written to {@code reportsDirectory} (JSON and JUnit XML).
 *
 * @since 0.1.0
 */
@Mojo(name = "test-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class TestCompatibilityMojo extends AbstractContractsMojo {

    /** The released baseline for the offline gate; defaults to {@code released/} beside the descriptor. */
    @Parameter(property = "contracts.baselineDirectory")
    File baselineDirectory;

    /** Where the JSON and JUnit XML reports are written. */
    @Parameter(property = "contracts.reportsDirectory", defaultValue = "${project.build.directory}/contracts-reports")
    File reportsDirectory;

    /** Whether to log the versions each subject was checked against. */
    @Parameter(property = "contracts.verbose", defaultValue = "true")
    boolean verbose = true;

    /** Accepted for compatibility with Confluent's plugin; the check is made locally on the schemas as written. */
    @Parameter(defaultValue = "false")
    boolean normalizeSchemas;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.withRegistry("test-compatibility", "check compatibility", this::registryDescription)
                    .run(this::check);
        }
    }

    private void check() throws GateException, InvalidContractException, MojoFailureException {
        List<SubjectPlan> plans = plans();
        GateReport report;
        if (registryUrls().isEmpty()) {
            report = offline(plans);
        } else {
            report = online(plans);
        }
        ReportWriter.write(report, reportsDirectory.toPath());
        getLog().info("Reports: " + reportsDirectory.toPath().resolve(ReportWriter.JSON_FILE) + ", "
                + reportsDirectory.toPath().resolve(ReportWriter.JUNIT_FILE));
        if (!report.isCompatible()) {
            throw new MojoFailureException(report.failureMessage());
        }
    }

    private GateReport offline(List<SubjectPlan> plans) throws GateException, InvalidContractException {
        Path baseline = baseline();
        getLog().info("No schema registry configured (schemaRegistryUrls / -Dschema.registry.url): offline gate "
                + "against the released baseline " + baseline);
        HistorySource source = BaselineHistory.read(baseline);
        return run(plans, new SchemaAssembler(plans, null), source);
    }

    private Path baseline() throws GateException {
        if (baselineDirectory != null) {
            return baselineDirectory.toPath().toAbsolutePath().normalize();
        }
        if (topicContracts != null) {
            Path released = topicContracts
                    .toPath()
                    .toAbsolutePath()
                    .normalize()
                    .getParent()
                    .resolve("released");
            if (Files.isDirectory(released)) {
                return released;
            }
        }
        throw new GateException("Nothing to check against: configure a schema registry (schemaRegistryUrls or "
                + "-Dschema.registry.url) or a released baseline (baselineDirectory, or released/ beside "
                + "topicContracts)");
    }

    private GateReport online(List<SubjectPlan> plans) throws GateException, InvalidContractException {
        String where = registryDescription();
        try (RegistryGateway registry = openRegistry()) {
            SchemaAssembler assembler = new SchemaAssembler(plans, (subject, version) -> {
                try {
                    return registry.version(subject, version);
                } catch (RegistryException e) {
                    throw RegistryFailures.toGateException("fetch referenced subject '" + subject + "'", where, e);
                }
            });
            return run(plans, assembler, new RegistryHistory(registry, where));
        }
    }

    private GateReport run(List<SubjectPlan> plans, SchemaAssembler assembler, HistorySource source)
            throws GateException, InvalidContractException {
        GateRun run = new GateRun(getLog()::info, getLog()::error, verbose);
        return run.run("test-compatibility", plans, assembler, source);
    }
}
