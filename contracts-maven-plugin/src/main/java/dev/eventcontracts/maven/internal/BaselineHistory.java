package dev.eventcontracts.maven.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.schema.AvroSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The released baseline in the repository ({@code schemas/released/v1/}, {@code v2/}, ...), read as the
 * history a registry would hold had every release been registered in order: a subject gets a new version
 * only when its schema changed, as the registry assigns versions.
 *
 * <p>Each release directory holds the frozen {@code .avsc} files and a copy of the descriptor
 * ({@code topics.json}); releases are ordered by the number in {@code release.json}, else in the directory
 * name.
 */
public final class BaselineHistory implements HistorySource {

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private final Path releasesDir;
    private final Map<String, SubjectHistory> histories;

    private BaselineHistory(Path releasesDir, Map<String, SubjectHistory> histories) {
        this.releasesDir = releasesDir;
        this.histories = histories;
    }

    /**
     * Reads every release under a directory.
     *
     * @param releasesDir the directory holding one sub-directory per release; never null
     * @return the baseline; never null
     * @throws GateException when a release cannot be read
     * @throws InvalidContractException when a released schema is not valid Avro
     */
    public static BaselineHistory read(Path releasesDir) throws GateException, InvalidContractException {
        if (!Files.isDirectory(releasesDir)) {
            throw new GateException("The released baseline " + releasesDir + " is not a directory");
        }
        Map<String, List<VersionedSchema>> versions = new HashMap<>();
        Map<String, Map<Integer, String>> labels = new HashMap<>();
        for (Path release : releases(releasesDir)) {
            String label = "released " + release.getFileName();
            ContractDescriptor descriptor = ContractDescriptor.read(release.resolve("topics.json"));
            List<SubjectPlan> plans = ContractPlanner.fromDescriptor(descriptor, release);
            SchemaAssembler assembler = new SchemaAssembler(plans, null);
            for (SubjectPlan plan : plans) {
                AvroSchema schema = assembler.assemble(plan.subject());
                List<VersionedSchema> list = versions.computeIfAbsent(plan.subject(), s -> new ArrayList<>());
                boolean changed = list.isEmpty() || !list.get(list.size() - 1).schema().rawSchema().toString()
                        .equals(schema.rawSchema().toString());
                if (changed) {
                    int version = list.size() + 1;
                    list.add(new VersionedSchema(version, schema));
                    labels.computeIfAbsent(plan.subject(), s -> new HashMap<>()).put(version, label);
                }
            }
        }
        Map<String, SubjectHistory> histories = new HashMap<>();
        versions.forEach((subject, list) -> histories.put(subject,
                new SubjectHistory(list, labels.get(subject), Optional.empty())));
        return new BaselineHistory(releasesDir, histories);
    }

    private static List<Path> releases(Path dir) throws GateException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> releases = new ArrayList<>(s.filter(p -> Files.isRegularFile(p.resolve("topics.json")))
                    .toList());
            Map<Path, Long> order = new HashMap<>();
            for (Path r : releases) {
                order.put(r, releaseNumber(r));
            }
            releases.sort(Comparator.comparing((Path p) -> order.get(p)).thenComparing(Path::toString));
            return releases;
        } catch (IOException e) {
            throw new GateException("Cannot list the released baseline " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long releaseNumber(Path release) throws IOException {
        Path manifest = release.resolve("release.json");
        if (Files.isRegularFile(manifest)) {
            var node = new ObjectMapper().readTree(Files.readString(manifest)).get("release");
            if (node != null && node.canConvertToLong()) {
                return node.asLong();
            }
        }
        Matcher m = NUMBER.matcher(release.getFileName().toString());
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    @Override
    public SubjectHistory history(String subject) {
        return histories.getOrDefault(subject, SubjectHistory.none());
    }

    @Override
    public String describe() {
        return "the released baseline in " + releasesDir;
    }
}
