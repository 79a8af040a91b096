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
    private final SchemaFormats formats;
    private final PageLimits subjectPages;
    private final PageLimits versionPages;
    private final PageLimits schemaPages;

    /**
     * Creates the service.
     *
     * @param formats applies the {@code format} parameter to the schemas answered
     * @param subjectPages the page sizes of {@code GET /subjects} ({@code subject.search.*})
     * @param versionPages the page sizes of {@code GET /subjects/{s}/versions} ({@code subject.version.search.*})
     * @param schemaPages the page sizes of {@code GET /schemas}, {@code /schemas/ids/{id}/subjects|versions} and
     *     {@code referencedby} ({@code schema.search.*})
     */
    public QueryService(
            RegistryState state,
            SchemaFormats formats,
            PageLimits subjectPages,
            PageLimits versionPages,
            PageLimits schemaPages) {
        this.state = state;
        this.formats = formats;
        this.subjectPages = subjectPages;
        this.versionPages = versionPages;
        this.schemaPages = schemaPages;
    }

    /** {@code GET /subjects}: sorted names, a subject counting as deleted when all its versions are. */
    public List<String> subjects(String prefix, Filter filter, int offset, int limit) {
        List<String> names = new ArrayList<>();
        for (SubjectVersions s : state.subjects()) {
            if ((prefix == null || s.subject().startsWith(prefix)) && filter.includes(!s.hasLive())) {
                names.add(s.subject());
            }
        }
        return subjectPages.page(names, offset, limit);
    }

    /**
     * {@code GET /subjects/{s}/versions}: the version numbers the filter keeps, ascending, then the page. The subject
     * must exist first (with {@link Filter#LIVE}, with a live version), whatever the page, as in Confluent.
     */
    public List<Integer> versions(String subject, Filter filter, int offset, int limit) {
        SubjectVersions versions = state.subject(subject)
                .filter(s -> filter != Filter.LIVE || s.hasLive())
                .orElseThrow(() -> new RegistryException(ErrorKind.SUBJECT_NOT_FOUND, subject));
        List<Integer> numbers = new ArrayList<>();
        for (SchemaVersion v : versions.all()) {
            if (filter.includes(v.deleted())) {
                numbers.add(v.version());
            }
        }
        return versionPages.page(numbers, offset, limit);
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

    /**
     * {@code GET /subjects/{s}/metadata}: the highest version whose {@code metadata.properties} hold every pair of
     * {@code wanted} (as Confluent's {@code getLatestWithMetadata}). A version without metadata never matches; with
     * no pairs, the highest version with metadata does. Soft-deleted versions count only with
     * {@code includeDeleted}.
     *
     * @throws RegistryException 40401 when the subject does not exist (counting soft-deleted versions only with
     *     {@code includeDeleted}), 40403 when no version matches
     */
    public SchemaVersion latestWithMetadata(String subject, Map<String, String> wanted, boolean includeDeleted) {
        SubjectVersions versions = state.subject(subject).orElse(null);
        if (versions != null) {
            List<SchemaVersion> all = versions.all();
            for (int i = all.size() - 1; i >= 0; i--) {
                SchemaVersion v = all.get(i);
                Map<String, String> properties = v.metadataProperties();
                if ((includeDeleted || !v.deleted())
                        && properties != null
                        && properties.entrySet().containsAll(wanted.entrySet())) {
                    return v;
                }
            }
        }
        if (versions == null || !includeDeleted && !versions.hasLive()) {
            throw new RegistryException(ErrorKind.SUBJECT_NOT_FOUND, subject);
        }
        throw new RegistryException(ErrorKind.SCHEMA_NOT_FOUND_UNDER_SUBJECT);
    }

    /** The schema text of a version in the requested {@code format} (null or blank: as stored). */
    public String schemaText(SchemaVersion version, String format) {
        return formats.format(version.schema(), version.references(), format);
    }

    /** The schema text of an id in the requested {@code format} (null or blank: as stored). */
    public String schemaText(SchemaIdEntry entry, String format) {
        return formats.format(entry.schema(), entry.references(), format);
    }

    /** {@code GET /subjects/{s}/versions/{v}/referencedby}: ids of the schemas referencing it, ascending, paged. */
    public List<Integer> referencedBy(String subject, String versionText, int offset, int limit) {
        SchemaVersion target = version(subject, versionText, true);
        Set<Integer> ids = new TreeSet<>();
        for (SchemaVersion referrer : state.referrers(target.subject(), target.version())) {
            ids.add(referrer.id());
        }
        return schemaPages.page(new ArrayList<>(ids), offset, limit);
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

    /** The cached answer of {@code GET /schemas/ids/{id}} without parameters; null while no version holds it. */
    public byte[] schemaJson(SchemaIdEntry entry) {
        return state.schemaByIdJson(entry);
    }

    /** The version answering for an id (see {@link RegistryState#holderOf}). */
    public SchemaVersion holder(SchemaIdEntry entry, String preferredSubject) {
        return state.holderOf(entry, preferredSubject);
    }

    /** {@code GET /schemas/ids/{id}/versions}: (subject, version) pairs in Confluent's order, paged. */
    public List<Map.Entry<String, Integer>> versionsOf(int id, boolean includeDeleted, int offset, int limit) {
        return schemaPages.page(versionsOf(id, includeDeleted), offset, limit);
    }

    private List<Map.Entry<String, Integer>> versionsOf(int id, boolean includeDeleted) {
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

    /** {@code GET /schemas/ids/{id}/subjects}, paged. */
    public List<String> subjectsOf(int id, boolean includeDeleted, int offset, int limit) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> sv : versionsOf(id, includeDeleted)) {
            subjects.add(sv.getKey());
        }
        return schemaPages.page(new ArrayList<>(subjects), offset, limit);
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
        return schemaPages.page(result, offset, limit);
    }

    /** The highest id ever assigned. */
    public int maxId() {
        return state.maxId();
    }
}
