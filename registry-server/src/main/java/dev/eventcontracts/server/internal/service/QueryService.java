package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.state.SchemaIdEntry;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import dev.eventcontracts.server.internal.state.SubjectVersions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The read side: subjects, versions, schemas by id. Lock-free reads of the registry state. */
public final class QueryService {

    /** Which versions a listing includes. */
    public enum Filter {
        /** Live versions only. */
        LIVE,
        /** Live and soft-deleted versions. */
        INCLUDE_DELETED,
        /** Soft-deleted versions only. */
        DELETED_ONLY;

        /** The filter of the {@code deleted} and {@code deletedOnly} query parameters. */
        public static Filter of(boolean deleted, boolean deletedOnly) {
            return deletedOnly ? DELETED_ONLY : deleted ? INCLUDE_DELETED : LIVE;
        }

        boolean includes(boolean isDeleted) {
            return switch (this) {
                case LIVE -> !isDeleted;
                case INCLUDE_DELETED -> true;
                case DELETED_ONLY -> isDeleted;
            };
        }
    }

    private final RegistryState state;
    private final int subjectDefaultLimit;
    private final int subjectMaxLimit;
    private final int schemaDefaultLimit;
    private final int schemaMaxLimit;

    /**
     * Creates the service.
     *
     * @param subjectDefaultLimit the page size of {@code GET /subjects} when the request names none
     * @param subjectMaxLimit the largest page size {@code GET /subjects} may ask for
     * @param schemaDefaultLimit the page size of {@code GET /schemas} when the request names none
     * @param schemaMaxLimit the largest page size {@code GET /schemas} may ask for
     */
    public QueryService(
            RegistryState state,
            int subjectDefaultLimit,
            int subjectMaxLimit,
            int schemaDefaultLimit,
            int schemaMaxLimit) {
        this.state = state;
        this.subjectDefaultLimit = subjectDefaultLimit;
        this.subjectMaxLimit = subjectMaxLimit;
        this.schemaDefaultLimit = schemaDefaultLimit;
        this.schemaMaxLimit = schemaMaxLimit;
    }

    /** {@code GET /subjects}: sorted names, a subject counting as deleted when all its versions are. */
    public List<String> subjects(String prefix, Filter filter, int offset, int limit) {
        List<String> names = new ArrayList<>();
        for (SubjectVersions s : state.subjects()) {
            if ((prefix == null || s.subject().startsWith(prefix)) && filter.includes(!s.hasLive())) {
                names.add(s.subject());
            }
        }
        return page(names, offset, limit, subjectDefaultLimit, subjectMaxLimit);
    }

    /** {@code GET /subjects/{s}/versions}. */
    public List<Integer> versions(String subject, Filter filter) {
        SubjectVersions versions = state.subject(subject)
                .filter(s -> filter != Filter.LIVE || s.hasLive())
                .orElseThrow(() -> new RegistryException(ErrorKind.SUBJECT_NOT_FOUND, subject));
        List<Integer> numbers = new ArrayList<>();
        for (SchemaVersion v : versions.all()) {
            if (filter.includes(v.deleted())) {
                numbers.add(v.version());
            }
        }
        return numbers;
    }

    /** {@code GET /subjects/{s}/versions/{v}}. */
    public SchemaVersion version(String subject, String versionText, boolean includeDeleted) {
        int versionId = Versions.parse(versionText);
        SubjectVersions versions = state.subject(subject).orElse(null);
        SchemaVersion found = null;
        if (versions != null) {
            found = versionId == Versions.LATEST
                    ? versions.latestLive().orElse(null)
                    : versions.version(versionId)
                            .filter(v -> includeDeleted || !v.deleted())
                            .orElse(null);
        }
        if (found != null) {
            return found;
        }
        if (versions == null || !includeDeleted && !versions.hasLive()) {
            throw new RegistryException(ErrorKind.SUBJECT_NOT_FOUND, subject);
        }
        throw new RegistryException(ErrorKind.VERSION_NOT_FOUND, versionId);
    }

    /** {@code GET /subjects/{s}/versions/{v}/referencedby}: ids of the schemas referencing it, ascending. */
    public List<Integer> referencedBy(String subject, String versionText) {
        SchemaVersion target = version(subject, versionText, true);
        Set<Integer> ids = new TreeSet<>();
        for (SchemaVersion referrer : state.referrers(target.subject(), target.version())) {
            ids.add(referrer.id());
        }
        return new ArrayList<>(ids);
    }

    /** The schema with this id; 40403 when unknown. */
    public SchemaIdEntry schema(int id) {
        return state.schemaById(id).orElseThrow(() -> new RegistryException(ErrorKind.SCHEMA_NOT_FOUND, id));
    }

    /** The schema with this guid; 40403 when unknown. */
    public SchemaIdEntry schemaByGuid(String guid) {
        return state.idByGuid(guid)
                .flatMap(state::schemaById)
                .orElseThrow(() -> new RegistryException(ErrorKind.SCHEMA_NOT_FOUND, guid));
    }

    /** The version answering for an id (see {@link RegistryState#holderOf}). */
    public SchemaVersion holder(SchemaIdEntry entry, String preferredSubject) {
        return state.holderOf(entry, preferredSubject);
    }

    /** {@code GET /schemas/ids/{id}/versions}: (subject, version) pairs in Confluent's order. */
    public List<Map.Entry<String, Integer>> versionsOf(int id, boolean includeDeleted) {
        SchemaIdEntry entry = schema(id);
        List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
        for (Map.Entry<String, Integer> sv : entry.subjectVersions()) {
            boolean live = state.subject(sv.getKey())
                    .flatMap(s -> s.version(sv.getValue()))
                    .map(v -> !v.deleted())
                    .orElse(false);
            if (live || includeDeleted) {
                pairs.add(sv);
            }
        }
        return pairs;
    }

    /** {@code GET /schemas/ids/{id}/subjects}. */
    public List<String> subjectsOf(int id, boolean includeDeleted) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> sv : versionsOf(id, includeDeleted)) {
            subjects.add(sv.getKey());
        }
        return new ArrayList<>(subjects);
    }

    /** {@code GET /schemas}: versions sorted by subject and version. */
    public List<SchemaVersion> schemas(
            String prefix, boolean includeDeleted, boolean latestOnly, int offset, int limit) {
        List<SchemaVersion> result = new ArrayList<>();
        for (SubjectVersions s : state.subjects()) {
            if (prefix != null && !s.subject().startsWith(prefix)) {
                continue;
            }
            List<SchemaVersion> candidates = includeDeleted ? s.all() : s.live();
            if (latestOnly && !candidates.isEmpty()) {
                candidates = List.of(candidates.get(candidates.size() - 1));
            }
            result.addAll(candidates);
        }
        return page(result, offset, limit, schemaDefaultLimit, schemaMaxLimit);
    }

    /** The highest id ever assigned. */
    public int maxId() {
        return state.maxId();
    }

    private static <T> List<T> page(List<T> all, int offset, int limit, int defaultLimit, int maxLimit) {
        int size = limit > 0 && limit <= maxLimit ? limit : defaultLimit;
        int from = Math.min(Math.max(offset, 0), all.size());
        return new ArrayList<>(all.subList(from, (int) Math.min(all.size(), (long) from + size)));
    }
}
