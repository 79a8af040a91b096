package dev.eventcontracts.maven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.InvalidContractException;
import dev.eventcontracts.maven.internal.catalog.AsyncApiDocument;
import dev.eventcontracts.maven.internal.catalog.AsyncApiSchema;
import dev.eventcontracts.maven.internal.catalog.ContractSources;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the AsyncAPI 3.0 document of the contracts ({@code asyncapi.yaml}): one channel per topic with its Kafka
 * binding, one message per event type with its Avro payload, key, subject and level, and the dead-letter channel.
 * The document is checked against AsyncAPI's official 3.0.0 JSON Schema before it is written; a document that does
 * not validate fails the goal, listing what is wrong.
 *
 * <p>By default the document is also added to the project's resources under {@code eventcontracts/}, so the
 * contract jar ships it beside the contracts ({@code eventcontracts/asyncapi.yaml}).
 *
 * @since 0.1.0
 */
@Mojo(name = "asyncapi", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class AsyncApiMojo extends AbstractContractsMojo {

    /** The file name of the document. */
    public static final String FILE_NAME = "asyncapi.yaml";

    /** Where the document is written. */
    @Parameter(
            property = "contracts.asyncapi.outputDirectory",
            defaultValue = "${project.build.directory}/contracts-asyncapi")
    File outputDirectory;

    /** The document's title. */
    @Parameter(property = "contracts.asyncapi.title", defaultValue = "${project.name}")
    String title;

    /** The version the document gives the contracts. */
    @Parameter(property = "contracts.asyncapi.version", defaultValue = "${project.version}")
    String version;

    /** Whether to add the document to the project's resources, so the jar carries it. */
    @Parameter(property = "contracts.asyncapi.addToResources", defaultValue = "true")
    boolean addToResources = true;

    /** Where in the jar the document goes when added to the resources. */
    @Parameter(defaultValue = "eventcontracts")
    String resourceTargetPath = "eventcontracts";

    /** The project's directory: without {@code topicContracts}, the descriptor is {@code schemas/topics.json} in it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** The project, whose resources receive the document. */
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.local("asyncapi").run(this::generate);
        }
    }

    private void generate() throws GateException, InvalidContractException {
        long start = System.nanoTime();
        Path descriptor = projectDescriptor(basedir, "contracts:asyncapi", "documents");
        ContractSources contracts = ContractSources.read(descriptor, schemaDir(descriptor), null);
        ObjectNode document = AsyncApiDocument.generate(contracts, title, version);
        List<String> problems = AsyncApiSchema.load().problems(document);
        if (!problems.isEmpty()) {
            throw new GateException("The AsyncAPI document generated from " + descriptor
                    + " does not validate against AsyncAPI's 3.0.0 JSON Schema, so it was not written:\n  - "
                    + String.join("\n  - ", problems));
        }
        Path file = outputDirectory.toPath().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, AsyncApiDocument.toYaml(document));
        } catch (IOException e) {
            throw new GateException("Cannot write the AsyncAPI document " + file + ": " + e.getMessage(), e);
        }
        if (addToResources && project != null) {
            Resource resource = new Resource();
            resource.setDirectory(outputDirectory.getAbsolutePath());
            resource.addInclude(FILE_NAME);
            resource.setTargetPath(resourceTargetPath);
            project.addResource(resource);
        }
        getLog().info("AsyncAPI " + AsyncApiDocument.ASYNCAPI_VERSION + " document of "
                + contracts.topics().topics().size() + " topic(s) written to " + file + " (valid against AsyncAPI's "
                + "JSON Schema) in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
