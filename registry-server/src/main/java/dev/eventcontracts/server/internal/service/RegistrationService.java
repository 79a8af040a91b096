package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.state.SchemaIdEntry;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import dev.eventcontracts.server.internal.state.SubjectVersions;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registering schemas and looking them up under a subject, with Confluent's semantics: an already registered
 * schema returns its id and writes nothing; a schema known under another subject keeps its id; new ids are
 * {@code max + 1}; new versions are {@code max + 1} counting soft-deleted versions; IMPORT mode keeps the given
 * id and version and skips the compatibility check.
 */
public final class RegistrationService {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);

    private final RegistryState state;
    private final SchemaParsing parsing;
    private final ModeService modes;
    private final CompatibilityService compatibility;
    private final WriteGate writes;

    /** Creates the service. */
    public RegistrationService(
            RegistryState state,
            SchemaParsing parsing,
            ModeService modes,
            CompatibilityService compatibility,
            WriteGate writes) {
        this.state = state;
        this.parsing = parsing;
        this.modes = modes;
        this.compatibility = compatibility;
        this.writes = writes;
    }

    /**
     * The live version of {@code subject} that already holds this schema, found without the writer lock (so
     * re-registrations are answered by any instance at read speed).
     *
     * @throws RegistryException 42201 for an invalid schema, 42208 for an invalid subject
     */
    public Optional<SchemaVersion> registered(String subject, SchemaRequest request, boolean normalize) {
        Subjects.requireValid(subject);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        SchemaVersion found =
                findUnderSubject(subject, parsing.parse(request, normalize).guid(), false);
        if (found == null
                || request.id() != null && request.id() >= 0 && request.id() != found.id()
                || request.version() != null && request.version() > 0 && request.version() != found.version()) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /**
     * Registers a schema under a subject (or answers the version that already holds it).
     *
     * @param verbose whether a refusal names the violations against every version the level selects; otherwise
     *     it names those of the newest version that fails (Confluent's message is the same either way)
     * @throws RegistryException 409 when incompatible; 42201, 42205, 42207, 42208, 42209; 5000x on store errors
     * @throws WriterElsewhereException when another instance is the writer
     */
    public SchemaVersion register(String subject, SchemaRequest request, boolean normalize, boolean verbose) {
        Subjects.requireValid(subject);
        return writes.locked(() -> registerLocked(subject, request, normalize, verbose));
    }

    private SchemaVersion registerLocked(String subject, SchemaRequest original, boolean normalize, boolean verbose) {
        Mode mode = checkMode(subject, original);
        SubjectVersions versions = state.subject(subject).orElse(null);
        SchemaRequest request = original;
        if (request.isEmpty() && versions != null && versions.latestLive().isPresent()) {
            SchemaVersion latest = versions.latestLive().get();
            request = request.withSchema(latest.schema(), latest.references());
        }
        SchemaParsing.Parsed parsed = parsing.parse(request, normalize);
        int id = request.id() != null && request.id() >= 0 ? request.id() : -1;
        Optional<Integer> known = state.idByGuid(parsed.guid());
        if (known.isPresent()) {
            if (id >= 0 && id != known.get()) {
                throw new RegistryException(
                        ErrorKind.ID_DOES_NOT_MATCH,
                        "Schema already registered with id " + known.get() + " instead of input id " + id);
            }
            SchemaVersion existing = findUnderSubject(subject, parsed.guid(), false);
            if (existing != null) {
                return existing;
            }
            id = known.get();
        }
        int version = nextVersion(versions, request, mode, parsed);
        if (mode != Mode.IMPORT) {
            CompatibilityService.Verdict verdict =
                    compatibility.againstLive(subject, parsed.schema(), parsed.guid(), verbose);
            if (!verdict.compatible()) {
                logRefusal(subject, verdict);
                throw RegistryException.incompatible(
                        verdict.result().registerConflictMessage(subject),
                        verdict.result().violations());
            }
        }
        if (id < 0) {
            id = state.maxId() + 1;
        } else {
            requireIdFree(id, parsed);
        }
        writes.append(
                "Register schema",
                new SchemaKey(subject, version),
                new SchemaValue(subject, version, id, AvroSchema.TYPE, parsed.references(), parsed.canonical(), false));
        return state.subject(subject)
                .flatMap(s -> s.version(version))
                .orElseThrow(() -> new IllegalStateException("the applied version is missing"));
    }

    /**
     * One line per refusal, naming the fields; a refusal answered from memory (the same request again, e.g. a
     * producer in a crash loop) logs at debug only, so a loop cannot flood the log.
     */
    private static void logRefusal(String subject, CompatibilityService.Verdict verdict) {
        List<Violation> violations = verdict.result().violations();
        if (verdict.remembered() ? !LOG.isDebugEnabled() : !LOG.isInfoEnabled()) {
            return;
        }
        Set<String> fields = new LinkedHashSet<>();
        Set<Integer> versions = new TreeSet<>();
        for (Violation v : violations) {
            fields.add(v.fieldPath() + " (" + v.rule() + ")");
            versions.add(v.oldVersion());
        }
        String line = "refused subject '{}': {} violation(s) against version(s) {}: {}";
        if (verdict.remembered()) {
            LOG.debug(line + " (the same request was refused before)", subject, violations.size(), versions, fields);
        } else {
            LOG.info(line, subject, violations.size(), versions, fields);
        }
    }

    private Mode checkMode(String subject, SchemaRequest request) {
        Mode mode = modes.effectiveMode(subject);
        if (mode.isReadOnly()) {
            throw notPermitted(subject, "is in read-only mode");
        }
        if (request.id() != null && request.id() >= 0) {
            if (mode != Mode.IMPORT) {
                throw notPermitted(subject, "is not in import mode");
            }
        } else if (mode != Mode.READWRITE) {
            throw notPermitted(subject, "is not in read-write mode");
        }
        return mode;
    }

    static RegistryException notPermitted(String subject, String what) {
        return new RegistryException(ErrorKind.OPERATION_NOT_PERMITTED, "Subject " + subject + " in context  " + what);
    }

    private static int nextVersion(
            SubjectVersions versions, SchemaRequest request, Mode mode, SchemaParsing.Parsed parsed) {
        if (mode == Mode.IMPORT && request.version() != null && request.version() > 0) {
            int wanted = request.version();
            Optional<SchemaVersion> taken = versions == null ? Optional.empty() : versions.version(wanted);
            if (taken.isPresent() && !taken.get().guid().equals(parsed.guid())) {
                throw new RegistryException(
                        ErrorKind.OPERATION_NOT_PERMITTED,
                        "Overwrite new schema with version " + wanted + " is not permitted.");
            }
            return wanted;
        }
        return versions == null ? 1 : versions.maxVersion() + 1;
    }

    private void requireIdFree(int id, SchemaParsing.Parsed parsed) {
        Optional<SchemaIdEntry> holder = state.schemaById(id);
        if (holder.isPresent() && !holder.get().guid().equals(parsed.guid())) {
            throw new RegistryException(
                    ErrorKind.OPERATION_NOT_PERMITTED,
                    "Overwrite new schema with id " + id + " in context  is not permitted.");
        }
    }

    /**
     * Looks a schema up under a subject ({@code POST /subjects/{s}}).
     *
     * @param normalize whether to normalize the schema first
     * @param includeDeleted whether a soft-deleted version counts
     * @throws RegistryException 40401 when the subject does not exist, 40403 when the schema is not under it,
     *     42201 when it is invalid
     */
    public SchemaVersion lookup(String subject, SchemaRequest request, boolean normalize, boolean includeDeleted) {
        SchemaParsing.Parsed parsed = parsing.parse(request, normalize);
        SchemaVersion found = findUnderSubject(subject, parsed.guid(), includeDeleted);
        if (found != null) {
            return found;
        }
        boolean subjectExists =
                state.subject(subject).map(s -> includeDeleted || s.hasLive()).orElse(false);
        if (!subjectExists) {
            throw new RegistryException(ErrorKind.SUBJECT_NOT_FOUND, subject);
        }
        throw new RegistryException(ErrorKind.SCHEMA_NOT_FOUND_UNDER_SUBJECT);
    }

    private SchemaVersion findUnderSubject(String subject, String guid, boolean includeDeleted) {
        Integer id = state.idByGuid(guid).orElse(null);
        SchemaIdEntry entry = id == null ? null : state.schemaById(id).orElse(null);
        Integer version = entry == null ? null : entry.versionOf(subject);
        if (version == null) {
            return null;
        }
        return state.subject(subject)
                .flatMap(s -> s.version(version))
                .filter(v -> includeDeleted || !v.deleted())
                .orElse(null);
    }
}
