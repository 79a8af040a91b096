package dev.eventcontracts.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of a release folder ({@code released/v<N>/release.json}): the release's number and its {@code .avsc}
 * files, each listed after the files whose types it uses. A reader that cannot list a folder (the contract jar) parses
 * the files in this order; {@link NextRelease} computes it from the references when it freezes a release.
 *
 * @param release the release number, from 1
 * @param schemas the {@code .avsc} file names of the release folder, each after the files it uses; never null
 * @since 0.1.0
 */
public record ReleaseManifest(int release, List<String> schemas) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");

    /** Checks the number and copies the file list. */
    public ReleaseManifest {
        if (release < 1) {
            throw new IllegalArgumentException("release is " + release + "; expected a number of at least 1");
        }
        schemas = List.copyOf(schemas);
    }

    /**
     * Parses a manifest.
     *
     * @param location where the text comes from, for messages (a file path or {@code classpath:...}); never null
     * @param json the manifest's text; never null
     * @return the manifest; never null
     * @throws ContractException when the text is not JSON, or {@code release} or {@code schemas} is missing or
     *     malformed, naming the location
     */
    public static ReleaseManifest parse(String location, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ContractException(
                    "Release manifest " + location + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode release = root == null ? null : root.get("release");
        if (release == null || !release.canConvertToInt() || release.asInt() < 1) {
            throw new ContractException(
                    "Release manifest " + location + " has no 'release' number (a whole number of at least 1)");
        }
        JsonNode schemas = root.get("schemas");
        if (schemas == null || !schemas.isArray()) {
            throw new ContractException("Release manifest " + location + " has no 'schemas' list of .avsc files");
        }
        List<String> files = new ArrayList<>();
        schemas.forEach(f -> files.add(f.asText()));
        return new ReleaseManifest(release.asInt(), files);
    }

    /**
     * Writes the manifest as the releases of a contracts repository hold it: two-space indentation, one file a
     * line, {@code "key": value}, a final newline.
     *
     * @return the JSON text; never null
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("release", release);
        schemas.forEach(root.putArray("schemas")::add);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(TWO_SPACES)
                .withArrayIndenter(TWO_SPACES);
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A manifest of strings and a number always serializes", e);
        }
    }
}
