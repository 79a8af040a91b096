package dev.eventcontracts.maven;

import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.InvalidContractException;
import dev.eventcontracts.maven.internal.catalog.Catalog;
import dev.eventcontracts.maven.internal.catalog.CatalogBuilder;
import dev.eventcontracts.maven.internal.catalog.CatalogHtml;
import dev.eventcontracts.maven.internal.catalog.ContractSources;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes the contract catalog: one self-contained HTML page ({@code index.html}) with every topic (key, value
 * subject, level, partitions, replication, dead-letter topic), every event type and the types they use (fields with
 * type, logical type, default and doc; enum symbols; an example payload) and each one's history across
 * {@code released/v<N>} (fields added, removed or changed, symbols added, with the gate's verdict at the subject's
 * level), and a search across types and fields. No script, style or font comes from elsewhere: the page works from a
 * file or any static host.
 *
 * <p>By default the page is attached to the project as its {@code catalog} artifact (type {@code html}), so it is
 * installed and deployed with the contract jar.
 *
 * @since 0.1.0
 */
@Mojo(name = "catalog", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class CatalogMojo extends AbstractContractsMojo {

    /** The file name of the page. */
    public static final String FILE_NAME = "index.html";
    /** The classifier of the attached page. */
    public static final String CLASSIFIER = "catalog";

    /** Where the page is written. */
    @Parameter(
            property = "contracts.catalog.outputDirectory",
            defaultValue = "${project.build.directory}/contracts-catalog")
    File outputDirectory;

    /** The released history; defaults to {@code released/} beside the descriptor. */
    @Parameter(property = "contracts.baselineDirectory")
    File baselineDirectory;

    /** The catalog's title. */
    @Parameter(property = "contracts.catalog.title", defaultValue = "${project.name}")
    String title;

    /** The version the catalog names. */
    @Parameter(property = "contracts.catalog.version", defaultValue = "${project.version}")
    String version;

    /** Whether to attach the page to the project as its {@code catalog} artifact. */
    @Parameter(property = "contracts.catalog.attach", defaultValue = "true")
    boolean attach = true;

    /** The project's directory: without {@code topicContracts}, the descriptor is {@code schemas/topics.json} in it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** The project the page is attached to. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /** Attaches the page. */
    @Component
    MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.local("catalog").run(this::generate);
        }
    }

    private void generate() throws GateException, InvalidContractException {
        long start = System.nanoTime();
        Path descriptor = projectDescriptor(basedir, "contracts:catalog", "documents");
        Path released = baselineDirectory != null
                ? baselineDirectory.toPath().toAbsolutePath().normalize()
                : descriptor.getParent().resolve("released");
        ContractSources contracts = ContractSources.read(descriptor, schemaDir(descriptor), released);
        Catalog catalog = CatalogBuilder.build(contracts, title, version, CompatibilityChecker.standard());
        Path file = outputDirectory.toPath().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, CatalogHtml.render(catalog));
        } catch (IOException e) {
            throw new GateException("Cannot write the contract catalog " + file + ": " + e.getMessage(), e);
        }
        if (attach && project != null && projectHelper != null) {
            projectHelper.attachArtifact(project, "html", CLASSIFIER, file.toFile());
        }
        getLog().info("Contract catalog of " + catalog.topics().size() + " topic(s), "
                + catalog.types().size()
                + " type(s) and " + catalog.releases().size() + " release(s) written to " + file + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
