package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.compat.CompatibilityResult;
import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaChange;
import dev.eventcontracts.schema.SchemaDiff;
import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import dev.eventcontracts.server.internal.state.SubjectVersions;
import java.util.ArrayList;
import java.util.List;

/**
 * Compatibility checks with the engine of registry-client, for registrations and for the
 * {@code /compatibility} resource. Soft-deleted versions are never checked against.
 */
public final class CompatibilityService {

    private final RegistryState state;
    private final SchemaParsing parsing;
    private final ConfigService configs;
    private final CompatibilityChecker checker;

    /** Creates the service. */
    public CompatibilityService(
            RegistryState state, SchemaParsing parsing, ConfigService configs, CompatibilityChecker checker) {
        this.state = state;
        this.parsing = parsing;
        this.configs = configs;
        this.checker = checker;
    }

    /**
     * The outcome of a check.
     *
     * @param compatible whether no rule was violated
     * @param messages Confluent's messages (empty when compatible)
     * @param result the engine's full result, with every violation and the field it concerns
     */
    public record Verdict(boolean compatible, List<String> messages, CompatibilityResult result) {}

    /**
     * The difference of two versions of a subject, for the registry UI.
     *
     * @param level the subject's level the verdict is given at
     * @param changes the field-level changes from the older to the newer version
     * @param verdict the newer version checked against the older one at that level
     */
    public record VersionDiff(CompatibilityLevel level, List<SchemaChange> changes, Verdict verdict) {}

    /**
     * Compares two versions of one subject: the field-level changes, and the engine's verdict on the second version
     * read against the first at the subject's level.
     *
     * @param from the older version; never null
     * @param to the newer version of the same subject; never null
     */
    public VersionDiff diff(SchemaVersion from, SchemaVersion to) {
        AvroSchema older = parsing.parsed(from);
        AvroSchema newer = parsing.parsed(to);
        CompatibilityLevel level = configs.effectiveLevel(to.subject());
        CompatibilityResult result = checker.check(level, newer, List.of(new VersionedSchema(from.version(), older)));
        return new VersionDiff(
                level,
                SchemaDiff.between(older.rawSchema(), newer.rawSchema()),
                new Verdict(result.isCompatible(), result.confluentMessages(), result));
    }

    /** Checks a schema against the live versions of a subject at the subject's level. */
    Verdict againstLive(String subject, AvroSchema candidate) {
        List<SchemaVersion> live =
                state.subject(subject).map(SubjectVersions::live).orElse(List.of());
        return check(configs.effectiveLevel(subject), candidate, live);
    }

    /**
     * The {@code /compatibility/subjects/{s}/versions[/{v}]} check.
     *
     * @param versionText the version to check against, or null for the subject's live versions
     * @throws RegistryException 42202 for a bad version, 40402 when it does not exist, 42201 for a bad schema
     */
    public Verdict test(String subject, String versionText, SchemaRequest request, boolean normalize) {
        List<SchemaVersion> previous;
        SubjectVersions versions = state.subject(subject).orElse(null);
        if (versionText == null) {
            previous = versions == null ? List.of() : versions.live();
        } else {
            int version = Versions.parse(versionText);
            SchemaVersion target = null;
            if (versions != null) {
                target = version == Versions.LATEST
                        ? versions.latestLive().orElse(null)
                        : versions.version(version).filter(v -> !v.deleted()).orElse(null);
            }
            if (target == null && version != Versions.LATEST) {
                throw new RegistryException(ErrorKind.VERSION_NOT_FOUND, version);
            }
            previous = target == null ? List.of() : List.of(target);
        }
        AvroSchema candidate = parsing.parse(request, normalize).schema();
        return check(configs.effectiveLevel(subject), candidate, previous);
    }

    private Verdict check(CompatibilityLevel level, AvroSchema candidate, List<SchemaVersion> previous) {
        // The engine checks the latest version only unless the level is transitive; parsing the others would be
        // wasted, and NONE checks nothing.
        List<SchemaVersion> selected = level == CompatibilityLevel.NONE
                ? List.of()
                : level.isTransitive() || previous.size() <= 1 ? previous : List.of(previous.get(previous.size() - 1));
        List<VersionedSchema> old = new ArrayList<>(selected.size());
        for (SchemaVersion v : selected) {
            old.add(new VersionedSchema(v.version(), parsing.parsed(v)));
        }
        CompatibilityResult result = checker.check(level, candidate, old);
        return new Verdict(result.isCompatible(), result.confluentMessages(), result);
    }
}
