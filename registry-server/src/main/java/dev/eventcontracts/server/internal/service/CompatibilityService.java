package dev.eventcontracts.server.internal.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.compat.CompatibilityResult;
import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaChange;
import dev.eventcontracts.schema.SchemaDiff;
import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import dev.eventcontracts.server.internal.state.SubjectVersions;
import java.util.ArrayList;
import java.util.List;

/**
 * Compatibility checks with the engine of contracts-core, for registrations and for the {@code /compatibility}
 * resource. Soft-deleted versions are never checked against.
 *
 * <p>Only a verbose check runs against every version the level selects. Otherwise the check goes newest first and
 * stops at the first version that fails, as Confluent does: the verdict and Confluent's message are the same, the
 * violations are that version's, and a stored version is parsed only when the check reaches it. A registration's
 * refusal is remembered per subject, schema and verbosity until the subject, its level or a referenced version
 * changes, so a producer that repeats a refused registration in a loop costs a lookup per request.
 */
public final class CompatibilityService {

    /** Remembered refusals: a few MiB at most, weighed by the size of their answers. */
    private static final long REFUSALS_MAX_WEIGHT = 4L << 20;

    private final RegistryState state;
    private final SchemaParsing parsing;
    private final ConfigService configs;
    private final CompatibilityChecker checker;
    private final Cache<RefusalKey, Refusal> refusals = Caffeine.newBuilder()
            .maximumWeight(REFUSALS_MAX_WEIGHT)
            .weigher((RefusalKey k, Refusal r) -> r.weight())
            .build();

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
     * @param result the engine's result, with the violations found and the field each concerns
     * @param remembered whether a refusal was answered from memory (the same request was refused before)
     */
    public record Verdict(boolean compatible, List<String> messages, CompatibilityResult result, boolean remembered) {

        static Verdict of(CompatibilityResult result) {
            return new Verdict(result.isCompatible(), result.confluentMessages(), result, false);
        }
    }

    private record RefusalKey(String subject, String guid, boolean verbose) {}

    /** A refusal and what it was decided on: valid while the subject snapshot, level and references are these. */
    private record Refusal(
            SubjectVersions subject, CompatibilityLevel level, long generation, CompatibilityResult result) {

        boolean holdsFor(SubjectVersions current, CompatibilityLevel currentLevel, long currentGeneration) {
            return subject == current && level == currentLevel && generation == currentGeneration;
        }

        int weight() {
            int weight = 256;
            for (String m : result.confluentMessages()) {
                weight += m.length();
            }
            return weight + result.violations().size() * 256;
        }
    }

    /**
     * Checks a schema about to be registered against the live versions of a subject at the subject's level.
     *
     * @param guid the candidate's guid (text and references): with the subject and verbosity, it identifies the
     *     request whose refusal is remembered
     * @param verbose whether to check every version and report every violation
     */
    Verdict againstLive(String subject, AvroSchema candidate, String guid, boolean verbose) {
        SubjectVersions versions = state.subject(subject).orElse(null);
        CompatibilityLevel level = configs.effectiveLevel(subject);
        long generation = state.hardDeleteGeneration();
        RefusalKey key = new RefusalKey(subject, guid, verbose);
        Refusal known = refusals.getIfPresent(key);
        if (known != null && known.holdsFor(versions, level, generation)) {
            return new Verdict(false, known.result().confluentMessages(), known.result(), true);
        }
        List<SchemaVersion> live = versions == null ? List.of() : versions.live();
        Verdict verdict = check(level, candidate, live, verbose);
        if (!verdict.compatible()) {
            refusals.put(key, new Refusal(versions, level, generation, verdict.result()));
        }
        return verdict;
    }

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
        return new VersionDiff(level, SchemaDiff.between(older.rawSchema(), newer.rawSchema()), Verdict.of(result));
    }

    /**
     * The {@code /compatibility/subjects/{s}/versions[/{v}]} check.
     *
     * @param versionText the version to check against, or null for the subject's live versions
     * @param verbose whether the answer lists the messages and violations (then every version is checked)
     * @throws RegistryException 42202 for a bad version, 40402 when it does not exist, 42201 for a bad schema
     */
    public Verdict test(String subject, String versionText, SchemaRequest request, boolean normalize, boolean verbose) {
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
        return check(configs.effectiveLevel(subject), candidate, previous, verbose);
    }

    private Verdict check(CompatibilityLevel level, AvroSchema candidate, List<SchemaVersion> previous, boolean all) {
        // The engine checks the latest version only unless the level is transitive; parsing the others would be
        // wasted, and NONE checks nothing.
        List<SchemaVersion> selected = level == CompatibilityLevel.NONE
                ? List.of()
                : level.isTransitive() || previous.size() <= 1 ? previous : List.of(previous.get(previous.size() - 1));
        if (all) {
            List<VersionedSchema> old = new ArrayList<>(selected.size());
            for (SchemaVersion v : selected) {
                old.add(versioned(v));
            }
            return Verdict.of(checker.check(level, candidate, old));
        }
        // newest first, one version at a time: a version is parsed only when the check reaches it
        for (int i = selected.size() - 1; i >= 0; i--) {
            CompatibilityResult result =
                    checker.checkUntilFirstFailure(level, candidate, List.of(versioned(selected.get(i))));
            if (!result.isCompatible()) {
                return Verdict.of(result);
            }
        }
        return Verdict.of(new CompatibilityResult(level, List.<Violation>of(), List.of()));
    }

    private VersionedSchema versioned(SchemaVersion v) {
        return new VersionedSchema(v.version(), parsing.parsed(v));
    }
}
