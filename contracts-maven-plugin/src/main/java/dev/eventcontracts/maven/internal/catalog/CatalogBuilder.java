package dev.eventcontracts.maven.internal.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.contracts.ReleaseHistory;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.maven.internal.catalog.Catalog.HistoryEntry;
import dev.eventcontracts.maven.internal.catalog.Catalog.State;
import dev.eventcontracts.maven.internal.catalog.Catalog.Verdict;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Builds the {@link Catalog} of a contracts repository: a pure function of the contracts, read through contracts-core
 * ({@link ContractSources}, {@link ReleaseHistory}), with each subject's history computed by the core's
 * {@link SchemaDiff} and judged by its {@link CompatibilityChecker}.
 *
 * <p>A subject's history follows the released history as a registry would hold it: a release registers a new version
 * of a subject only when its schema changed. Each new version is judged as the gate judged it, at the subject's level
 * in that release against every version before it; the current contracts, when they differ from the latest release,
 * appear as {@code unreleased} with the verdict {@code mvn verify} would give.
 */
public final class CatalogBuilder {

    /** The label of the current contracts when they differ from the latest release. */
    public static final String UNRELEASED = "unreleased";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContractSources contracts;
    private final CompatibilityChecker checker;
    private final List<ReleasedContracts> releases;

    private CatalogBuilder(ContractSources contracts, CompatibilityChecker checker) {
        this.contracts = contracts;
        this.checker = checker;
        this.releases = contracts.history().map(ReleaseHistory::releases).orElse(List.of());
    }

    /**
     * Builds the catalog.
     *
     * @param contracts the contracts; never null
     * @param title the contracts' name; never null
     * @param version the contracts' version; never null
     * @param checker the compatibility engine the gate uses; never null
     * @return the catalog; never null
     */
    public static Catalog build(ContractSources contracts, String title, String version, CompatibilityChecker checker) {
        return new CatalogBuilder(contracts, checker).build(title, version);
    }

    private Catalog build(String title, String version) {
        List<Catalog.Topic> topics = new ArrayList<>();
        Set<String> eventTypes = new LinkedHashSet<>();
        for (TopicContract topic : contracts.topics().topics()) {
            String keyLevel = topic.key().level().map(CompatibilityLevel::name).orElse(defaultLevelText());
            topics.add(new Catalog.Topic(topic, keyLevel, history(topic.value().subject())));
            eventTypes.addAll(topic.value().eventTypes());
        }
        Set<String> names = new LinkedHashSet<>(eventTypes);
        contracts.types().types().forEach(t -> names.add(t.fullName()));
        Map<String, Schema> schemas = contracts.types().schemas();
        List<Catalog.Type> types = new ArrayList<>();
        for (String name : names) {
            Schema schema = schemas.get(name);
            if (schema != null) {
                types.add(type(name, schema));
            }
        }
        List<String> labels = releases.stream().map(r -> "v" + r.version()).toList();
        return new Catalog(title, version, labels, topics, types);
    }

    private Catalog.Type type(String name, Schema schema) {
        String subject = contracts.topics().referencedTypeSubject(name);
        List<String> carriedBy = contracts.topics().topics().stream()
                .filter(t -> t.value().eventTypes().contains(name))
                .map(TopicContract::name)
                .toList();
        List<Catalog.Field> fields = schema.getType() == Schema.Type.RECORD
                ? schema.getFields().stream()
                        .map(f -> new Catalog.Field(
                                f.name(),
                                SchemaDiff.typeName(f.schema()),
                                SchemaDiff.defaultText(f),
                                f.doc() == null ? "" : f.doc()))
                        .toList()
                : List.of();
        List<String> symbols = schema.getType() == Schema.Type.ENUM ? schema.getEnumSymbols() : List.of();
        String enumDefault =
                schema.getType() == Schema.Type.ENUM && schema.getEnumDefault() != null ? schema.getEnumDefault() : "";
        return new Catalog.Type(
                name,
                schema.getName(),
                schema.getType().getName(),
                schema.getDoc() == null ? "" : schema.getDoc(),
                carriedBy,
                subject,
                levelText(contracts.plan(subject)),
                fields,
                symbols,
                enumDefault,
                example(contracts.plan(subject).isPresent() ? contracts.schema(subject) : schema),
                history(subject));
    }

    private static String example(Schema schema) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ExamplePayload.of(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the example of " + schema.getFullName(), e);
        }
    }

    /** The history of one subject across the releases, then the current contracts when they differ. */
    List<HistoryEntry> history(String subject) {
        List<HistoryEntry> entries = new ArrayList<>();
        ReleaseHistory.SubjectVersions subjectVersions = contracts
                .history()
                .map(h -> h.subject(subject))
                .orElse(new ReleaseHistory.SubjectVersions(List.of(), Map.of()));
        List<VersionedSchema> versions = subjectVersions.versions();
        Map<String, Integer> versionByLabel = new HashMap<>();
        subjectVersions.labels().forEach((v, label) -> versionByLabel.put(label, v));
        int latest = 0;
        for (ReleasedContracts release : releases) {
            String label = "v" + release.version();
            Integer v = versionByLabel.get(ReleaseHistory.label(release));
            Optional<SubjectPlan> plan = release.subjects().stream()
                    .filter(p -> p.subject().equals(subject))
                    .findFirst();
            if (v != null) {
                List<VersionedSchema> before = versions.subList(0, v - 1);
                AvroSchema schema = versions.get(v - 1).schema();
                entries.add(entry(label, v, before, schema, levelOf(plan)));
                latest = v;
            } else if (latest > 0) {
                entries.add(new HistoryEntry(
                        label, plan.isPresent() ? State.UNCHANGED : State.REMOVED, 0, List.of(), null));
            }
        }
        Optional<SubjectPlan> current = contracts.plan(subject);
        if (current.isPresent()) {
            AvroSchema now = contracts.assembled(subject);
            boolean same = !versions.isEmpty()
                    && versions.get(versions.size() - 1)
                            .schema()
                            .rawSchema()
                            .toString()
                            .equals(now.rawSchema().toString());
            if (!same) {
                entries.add(entry(UNRELEASED, 0, versions, now, levelOf(current)));
            }
        }
        return entries;
    }

    private HistoryEntry entry(
            String label, int version, List<VersionedSchema> before, AvroSchema schema, CompatibilityLevel level) {
        if (before.isEmpty()) {
            return new HistoryEntry(label, State.INTRODUCED, version, List.of(), null);
        }
        Schema previous = before.get(before.size() - 1).schema().rawSchema();
        List<Violation> violations = checker.check(level, schema, before).violations();
        String against = before.stream().map(v -> "version " + v.version()).collect(Collectors.joining(", "));
        return new HistoryEntry(
                label,
                State.CHANGED,
                version,
                SchemaDiff.between(previous, schema.rawSchema()),
                new Verdict(level.name(), against, violations));
    }

    private static CompatibilityLevel levelOf(Optional<SubjectPlan> plan) {
        return plan.flatMap(SubjectPlan::level).orElse(CompatibilityLevel.BACKWARD);
    }

    private static String levelText(Optional<SubjectPlan> plan) {
        return plan.flatMap(SubjectPlan::level).map(CompatibilityLevel::name).orElse(defaultLevelText());
    }

    private static String defaultLevelText() {
        return "the registry's level (BACKWARD by default)";
    }
}
