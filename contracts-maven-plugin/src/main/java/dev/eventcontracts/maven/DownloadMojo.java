package dev.eventcontracts.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.RegistryGateway;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Downloads the schemas of every subject matching {@code subjectPatterns} (regular expressions matching the
 * whole subject name) into {@code outputDirectory} as {@code <subject><schemaExtension>}. {@code versions}
 * gives, per pattern in the same position, the version to fetch ({@code latest} when absent).
 *
 * @since 0.1.0
 */
@Mojo(name = "download", threadSafe = true)
public class DownloadMojo extends AbstractContractsMojo {

    /** Regular expressions; a subject is downloaded when one matches its whole name. */
    @Parameter(property = "contracts.subjectPatterns")
    List<String> subjectPatterns = new ArrayList<>(List.of("^.+$"));

    /** Version per pattern, in the same order: a number or {@code latest}. */
    @Parameter
    List<String> versions = new ArrayList<>();

    /** Where the schema files are written. */
    @Parameter(property = "contracts.outputDirectory", required = true)
    File outputDirectory;

    /** The file extension, starting with a dot. */
    @Parameter(defaultValue = ".avsc")
    String schemaExtension = ".avsc";

    /** Whether the schemas are pretty-printed. */
    @Parameter(defaultValue = "true")
    boolean prettyPrintSchemas = true;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.withRegistry("download", "download schemas", this::registryDescription)
                    .run(this::download);
        }
    }

    private void download() throws GateException, MojoExecutionException {
        String where = registryDescription();
        try (RegistryGateway registry = openRegistry()) {
            List<Pattern> patterns = patterns();
            Path out = outputDirectory.toPath();
            Files.createDirectories(out);
            List<String> all = registry.subjects();
            getLog().info("Schema registry at " + where + " has " + all.size() + " subject(s)");
            for (String subject : all) {
                for (int i = 0; i < patterns.size(); i++) {
                    if (patterns.get(i).matcher(subject).matches()) {
                        write(registry.version(subject, version(i)), out);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write schemas to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    private void write(RegisteredVersion v, Path out) throws IOException {
        Path file = out.resolve(v.subject() + schemaExtension);
        String text = v.schema().canonicalString();
        if (prettyPrintSchemas) {
            ObjectMapper json = new ObjectMapper();
            text = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text));
        }
        Files.writeString(file, text + "\n");
        getLog().info("Downloaded subject '" + v.subject() + "' version " + v.version() + " (id " + v.id() + ") to "
                + file);
    }

    private int version(int patternIndex) throws GateException {
        if (versions == null || versions.size() <= patternIndex) {
            return -1;
        }
        String v = versions.get(patternIndex).trim();
        if (v.equalsIgnoreCase("latest")) {
            return -1;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new GateException("versions[" + patternIndex + "] is '" + v + "'; expected a number or 'latest'", e);
        }
    }

    private List<Pattern> patterns() throws GateException {
        List<Pattern> patterns = new ArrayList<>();
        for (String p : subjectPatterns) {
            try {
                patterns.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw new GateException(
                        "subjectPatterns entry '" + p + "' is not a regular expression: " + e.getDescription(), e);
            }
        }
        return patterns;
    }
}
