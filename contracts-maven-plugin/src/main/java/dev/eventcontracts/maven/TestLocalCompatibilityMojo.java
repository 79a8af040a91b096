package dev.eventcontracts.maven;

import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.maven.internal.BaselineHistory;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GateReport;
import dev.eventcontracts.maven.internal.GateRun;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.HistorySource;
import dev.eventcontracts.maven.internal.InvalidContractException;
import dev.eventcontracts.maven.internal.LocalFilesHistory;
import dev.eventcontracts.maven.internal.ReportWriter;
import dev.eventcontracts.maven.internal.SchemaAssembler;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Tests schemas against earlier versions on disk, without a registry: Confluent's {@code schemas},
 * {@code previousSchemaPaths} (a file, or a directory of versions sorted by name) and
 * {@code compatibilityLevels}; or, when no {@code schemas} are configured, the descriptor's subjects against
 * the released baseline ({@code baselineDirectory}, default {@code released/} beside the descriptor).
 *
 * <p>Unlike Confluent's goal, every violation is reported, not only the first, and a non-transitive level
 * with several previous files is checked against the last one instead of failing.
 *
 * @since 0.1.0
 */
@Mojo(name = "test-local-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class TestLocalCompatibilityMojo extends AbstractContractsMojo {

    /** Schema file per subject (Confluent's name for this goal; {@code subjects} works too). */
    @Parameter
    Map<String, File> schemas = new LinkedHashMap<>();

    /** Earlier versions per subject: one file or a directory of files, oldest first by name. */
    @Parameter
    Map<String, File> previousSchemaPaths = new LinkedHashMap<>();

    /** The released baseline when the descriptor is used; defaults to {@code released/} beside it. */
    @Parameter(property = "contracts.baselineDirectory")
    File baselineDirectory;

    /** Where the JSON and JUnit XML reports are written. */
    @Parameter(property = "contracts.reportsDirectory", defaultValue = "${project.build.directory}/contracts-reports")
    File reportsDirectory;

    /** Whether to log the versions each subject was checked against. */
    @Parameter(property = "contracts.verbose", defaultValue = "true")
    boolean verbose = true;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.local("test-local-compatibility").run(this::check);
        }
    }

    private void check() throws GateException, InvalidContractException, MojoFailureException {
        List<SubjectPlan> plans;
        HistorySource source;
        Map<String, File> files = new LinkedHashMap<>(schemas == null ? Map.of() : schemas);
        if (subjects != null) {
            files.putAll(subjects);
        }
        if (!files.isEmpty()) {
            plans = referencesFirst(configuredPlans(files));
            for (SubjectPlan p : plans) {
                if (p.level().isEmpty()) {
                    throw new GateException("compatibilityLevels has no level for subject '" + p.subject() + "'");
                }
            }
            Map<String, Path> previous = new LinkedHashMap<>();
            decoded(previousSchemaPaths).forEach((k, v) -> previous.put(k, v.toPath()));
            source = new LocalFilesHistory(previous);
        } else {
            plans = plans();
            source = BaselineHistory.read(baseline());
        }
        GateRun run = new GateRun(getLog()::info, getLog()::error, verbose);
        GateReport report = run.run("test-local-compatibility", plans, new SchemaAssembler(plans, null), source);
        ReportWriter.write(report, reportsDirectory.toPath());
        if (!report.isCompatible()) {
            throw new MojoFailureException(report.failureMessage());
        }
    }

    private Path baseline() throws GateException {
        if (baselineDirectory != null) {
            return baselineDirectory.toPath().toAbsolutePath().normalize();
        }
        if (topicContracts == null) {
            throw new GateException("Configure <schemas> with <previousSchemaPaths>, or <topicContracts>");
        }
        return topicContracts.toPath().toAbsolutePath().normalize().getParent().resolve("released");
    }
}
