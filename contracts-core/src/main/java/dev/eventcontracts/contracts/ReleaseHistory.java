package dev.eventcontracts.contracts;

import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.schema.AvroSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The released history of a contracts repository ({@code schemas/released/v1/}, {@code v2/}, ...) read as the
 * history a registry would hold had every release been registered in order: a subject gets a new version only
 * when its schema changed, as a registry assigns versions. This is the offline baseline of the gate.
 *
 * @since 0.1.0
 */
public final class ReleaseHistory {

    /**
     * The versions of one subject across the releases.
     *
     * @param versions the versions, oldest first, numbered from 1; never null, empty for an unknown subject
     * @param labels per version number the release it first appeared in, e.g. {@code released v2}; never null
     */
    public record SubjectVersions(List<VersionedSchema> versions, Map<Integer, String> labels) {

        /** Copies the collections. */
        public SubjectVersions {
            versions = List.copyOf(versions);
            labels = Map.copyOf(labels);
        }
    }

    private final Path dir;
    private final List<ReleasedContracts> releases;
    private final Map<String, SubjectVersions> subjects;

    private ReleaseHistory(Path dir, List<ReleasedContracts> releases, Map<String, SubjectVersions> subjects) {
        this.dir = dir;
        this.releases = List.copyOf(releases);
        this.subjects = Map.copyOf(subjects);
    }

    /**
     * Reads every release folder (a folder holding {@code topics.json}) under a directory.
     *
     * @param dir the directory holding one folder per release, e.g. {@code schemas/released}; never null
     * @return the history; never null
     * @throws ContractException when the directory or a release cannot be read, naming it
     * @throws InvalidContractSchemaException when a released schema is not valid Avro
     */
    public static ReleaseHistory read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ContractException("The released history " + dir + " is not a directory");
        }
        List<ReleasedContracts> releases = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            // a folder whose name starts with a dot is a release being written (NextRelease), not a release
            for (Path folder : folders.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve("topics.json")))
                    .toList()) {
                releases.add(ReleasedContracts.read(folder));
            }
        } catch (IOException e) {
            throw new ContractException("Cannot list the released history " + dir + ": " + e.getMessage(), e);
        }
        releases.sort(Comparator.comparingInt(ReleasedContracts::version).thenComparing(ReleasedContracts::location));
        return new ReleaseHistory(dir, releases, subjects(releases));
    }

    private static Map<String, SubjectVersions> subjects(List<ReleasedContracts> releases) {
        Map<String, List<VersionedSchema>> versions = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> labels = new HashMap<>();
        for (ReleasedContracts release : releases) {
            String label = label(release);
            List<SubjectPlan> plans = release.subjects();
            SchemaAssembler<RuntimeException> assembler = SchemaAssembler.offline(plans);
            for (SubjectPlan plan : plans) {
                AvroSchema schema = assembler.assemble(plan.subject());
                List<VersionedSchema> list = versions.computeIfAbsent(plan.subject(), s -> new ArrayList<>());
                boolean changed = list.isEmpty()
                        || !list.get(list.size() - 1)
                                .schema()
                                .rawSchema()
                                .toString()
                                .equals(schema.rawSchema().toString());
                if (changed) {
                    int version = list.size() + 1;
                    list.add(new VersionedSchema(version, schema));
                    labels.computeIfAbsent(plan.subject(), s -> new HashMap<>()).put(version, label);
                }
            }
        }
        Map<String, SubjectVersions> out = new LinkedHashMap<>();
        versions.forEach((subject, list) -> out.put(subject, new SubjectVersions(list, labels.get(subject))));
        return out;
    }

    /**
     * Returns how the versions a release registers are labelled in {@link SubjectVersions#labels()}.
     *
     * @param release a release of this kind of history; never null
     * @return e.g. {@code released v2} for the folder {@code released/v2}; never null
     */
    public static String label(ReleasedContracts release) {
        return "released " + Path.of(release.location()).getFileName();
    }

    /** Returns the directory the history was read from; never null. */
    public Path directory() {
        return dir;
    }

    /** Returns the releases, oldest first; never null. */
    public List<ReleasedContracts> releases() {
        return releases;
    }

    /**
     * Returns the versions of a subject across the releases.
     *
     * @param subject the subject; never null
     * @return its versions; empty when no release has the subject
     */
    public SubjectVersions subject(String subject) {
        return subjects.getOrDefault(subject, new SubjectVersions(List.of(), Map.of()));
    }
}
