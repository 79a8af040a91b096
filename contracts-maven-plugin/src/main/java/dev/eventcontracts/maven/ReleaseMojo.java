package dev.eventcontracts.maven;

import dev.eventcontracts.contracts.ContractException;
import dev.eventcontracts.contracts.ContractPlanner;
import dev.eventcontracts.contracts.ContractTypes;
import dev.eventcontracts.contracts.InvalidContractSchemaException;
import dev.eventcontracts.contracts.NextRelease;
import dev.eventcontracts.contracts.ReleaseChange;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.maven.internal.BaselineHistory;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GateReport;
import dev.eventcontracts.maven.internal.GateRun;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.InvalidContractException;
import dev.eventcontracts.maven.internal.SchemaAssembler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Freezes the current contracts as the next release: {@code released/v<N+1>/} with the {@code .avsc} files and
 * {@code topics.json} copied byte for byte and a {@code release.json} whose file order is computed from the
 * references, so nobody writes it by hand.
 *
 * <p>It refuses, writing nothing, when the contracts equal the latest release (formatting aside) or when the offline
 * gate fails: every subject checked at its level against the released history, as {@code test-compatibility} does
 * without a registry. It prints what the release adds: topics, event types, types, fields and symbols. Runs once per
 * build, at the project that declares the plugin ({@code mvn contracts:release} from the repository's root).
 *
 * @since 0.1.0
 */
@Mojo(name = "release", aggregator = true, threadSafe = true)
public class ReleaseMojo extends AbstractContractsMojo {

    /** The released history the release is added to; defaults to {@code released/} beside the descriptor. */
    @Parameter(property = "contracts.baselineDirectory")
    File baselineDirectory;

    /** The project's directory: without {@code topicContracts}, the descriptor is {@code schemas/topics.json} in it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Where Maven was started: paths under it are logged relative to it. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    /** Whether to log the versions each subject was checked against. */
    @Parameter(property = "contracts.verbose", defaultValue = "true")
    boolean verbose = true;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.local("release").run(this::release);
        }
    }

    private void release() throws GateException, InvalidContractException, MojoFailureException {
        Path descriptor = projectDescriptor(basedir, "contracts:release", "freezes");
        Path schemas = schemaDir(descriptor);
        Path released = baselineDirectory != null
                ? baselineDirectory.toPath().toAbsolutePath().normalize()
                : descriptor.getParent().resolve("released");
        NextRelease next = plan(descriptor, schemas, released);
        if (!next.changesAnything()) {
            ReleasedContracts latest = next.previous().orElseThrow();
            throw new MojoFailureException("Nothing to release: " + shown(schemas) + " and " + shown(descriptor)
                    + " hold the same contracts as release v" + latest.version() + " ("
                    + shown(Path.of(latest.location())) + "). Change a schema or the topics first.");
        }
        GateReport report = gate(descriptor, schemas, released);
        if (!report.isCompatible()) {
            throw new MojoFailureException(report.failureMessage() + "\n\nNothing was released: make the change "
                    + "compatible (each violation names its fix) and run contracts:release again.");
        }
        Path folder = write(next);
        getLog().info("Released v" + next.version() + " into " + shown(folder) + ": "
                + String.join(", ", next.manifest().schemas()) + ", " + NextRelease.DESCRIPTOR + ", release.json");
        List<ReleaseChange> changes = next.changes();
        getLog().info(next.previous()
                .map(p -> "What v" + next.version() + " changes against v" + p.version() + ":")
                .orElse("What v" + next.version() + " holds:"));
        changes.forEach(c -> getLog().info("  " + c.describe()));
        getLog().info("Commit " + folder.getFileName() + " with the change; never edit it afterwards.");
    }

    /** A path as people read it in the log: relative to where Maven was started, when inside it. */
    private String shown(Path path) {
        Path root = (executionRoot != null ? executionRoot : basedir)
                .toPath()
                .toAbsolutePath()
                .normalize();
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    private static NextRelease plan(Path descriptor, Path schemas, Path released)
            throws GateException, InvalidContractException {
        try {
            return NextRelease.plan(descriptor, schemas, released);
        } catch (InvalidContractSchemaException e) {
            throw new InvalidContractException(e.getMessage(), e);
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
    }

    private GateReport gate(Path descriptor, Path schemas, Path released)
            throws GateException, InvalidContractException {
        List<SubjectPlan> plans;
        try {
            plans = ContractPlanner.plan(TopicContracts.read(descriptor), ContractTypes.readDirectory(schemas));
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
        BaselineHistory history =
                Files.isDirectory(released) ? BaselineHistory.read(released) : BaselineHistory.none(released);
        return new GateRun(getLog()::info, getLog()::error, verbose)
                .run("release", plans, new SchemaAssembler(plans, null), history);
    }

    private static Path write(NextRelease next) throws GateException {
        try {
            return next.write();
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
    }
}
