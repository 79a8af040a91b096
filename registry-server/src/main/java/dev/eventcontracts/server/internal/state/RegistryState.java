package dev.eventcontracts.server.internal.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eventcontracts.server.internal.store.ClearSubjectKey;
import dev.eventcontracts.server.internal.store.ConfigKey;
import dev.eventcontracts.server.internal.store.ConfigValue;
import dev.eventcontracts.server.internal.store.DeleteSubjectKey;
import dev.eventcontracts.server.internal.store.DeleteSubjectValue;
import dev.eventcontracts.server.internal.store.ModeKey;
import dev.eventcontracts.server.internal.store.ModeValue;
import dev.eventcontracts.server.internal.store.NoopKey;
import dev.eventcontracts.server.internal.store.RecordApplier;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.RegistryValue;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry's in-memory state, rebuilt from the record log: subjects and their versions, schema ids, configs
 * and modes. It is the {@link RecordApplier} of the log and applies each record with Confluent's semantics:
 * a SCHEMA value with {@code deleted=true} is a soft delete, a SCHEMA tombstone a hard delete of that version,
 * DELETE_SUBJECT soft-deletes every version up to its version, CLEAR_SUBJECT drops the soft-deleted versions,
 * CONFIG and MODE tombstones remove the setting.
 *
 * <p>One thread applies; any number of threads read without locks. Subjects are immutable snapshots replaced
 * whole, so a reader never sees half of a change to one subject.
 */
public final class RegistryState implements RecordApplier {

    /** The cached answers by id: 32 MiB hold the hot ids of any deployment, and bound the heap they take. */
    private static final long ANSWER_CACHE_BYTES = 32L << 20;

    /** An answer and the change count of its id when it was built. */
    private record CachedAnswer(int changes, byte[] json) {}

    private final Clock clock;
    private final ConcurrentHashMap<String, SubjectVersions> subjects = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, SchemaIdEntry> ids = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> idsByGuid = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> subjectLevels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> subjectModes = new ConcurrentHashMap<>();
    private final Cache<SchemaIdEntry, CachedAnswer> answers = Caffeine.newBuilder()
            .maximumWeight(ANSWER_CACHE_BYTES)
            .weigher((SchemaIdEntry id, CachedAnswer answer) -> answer.json().length + 64)
            .build();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong hardDeletes = new AtomicLong();
    private volatile String globalLevel;
    private volatile String globalMode;
    private volatile int maxId;

    /** An empty state whose {@code ts} values come from {@code clock}. */
    public RegistryState(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ applying

    @Override
    public void apply(RegistryKey key, RegistryValue valueOrNull) {
        if (key instanceof SchemaKey k) {
            if (valueOrNull instanceof SchemaValue v) {
                putVersion(k, v);
            } else {
                removeVersion(k.subject(), k.version());
            }
        } else if (key instanceof DeleteSubjectKey k) {
            if (valueOrNull instanceof DeleteSubjectValue v) {
                softDeleteSubject(k.subject(), v.version());
            }
        } else if (key instanceof ClearSubjectKey k) {
            if (valueOrNull != null) {
                clearSubject(k.subject());
            }
        } else if (key instanceof ConfigKey k) {
            String level = valueOrNull instanceof ConfigValue v ? v.compatibilityLevel() : null;
            if (k.isGlobal()) {
                globalLevel = level;
            } else {
                putOrRemove(subjectLevels, k.subject(), level);
            }
        } else if (key instanceof ModeKey k) {
            String mode = valueOrNull instanceof ModeValue v ? v.mode() : null;
            if (k.isGlobal()) {
                globalMode = mode;
            } else {
                putOrRemove(subjectModes, k.subject(), mode);
            }
        } else if (!(key instanceof NoopKey)) {
            throw new IllegalArgumentException("unknown key " + key);
        }
        applied.incrementAndGet();
    }

    private static void putOrRemove(Map<String, String> map, String subject, String valueOrNull) {
        if (valueOrNull == null) {
            map.remove(subject);
        } else {
            map.put(subject, valueOrNull);
        }
    }

    private void putVersion(SchemaKey key, SchemaValue value) {
        String guid = Guids.of(value.schema(), value.references());
        SchemaVersion version = new SchemaVersion(
                key.subject(),
                key.version(),
                value.id(),
                guid,
                value.schemaType(),
                value.references(),
                value.schema(),
                value.deleted(),
                clock.millis(),
                value.extras());
        SubjectVersions before = subjects.get(key.subject());
        SchemaVersion previous =
                before == null ? null : before.version(key.version()).orElse(null);
        subjects.put(key.subject(), before == null ? SubjectVersions.of(version) : before.with(version));
        if (previous != null && previous.id() != value.id()) {
            detach(previous);
        }
        SchemaIdEntry entry = ids.computeIfAbsent(
                value.id(), id -> new SchemaIdEntry(id, guid, value.schemaType(), value.references(), value.schema()));
        idsByGuid.putIfAbsent(entry.guid(), entry.id());
        entry.put(key.subject(), key.version());
        refresh(entry);
        if (value.id() > maxId) {
            maxId = value.id();
        }
    }

    private void removeVersion(String subject, int versionNumber) {
        SubjectVersions before = subjects.get(subject);
        if (before == null) {
            return;
        }
        Optional<SchemaVersion> removed = before.version(versionNumber);
        if (removed.isEmpty()) {
            return;
        }
        SubjectVersions after = before.without(versionNumber);
        if (after == null) {
            subjects.remove(subject);
        } else {
            subjects.put(subject, after);
        }
        detach(removed.get());
        hardDeletes.incrementAndGet();
    }

    /** Removes a version from its id; drops the id once no version holds it. */
    private void detach(SchemaVersion version) {
        SchemaIdEntry entry = ids.get(version.id());
        if (entry == null) {
            return;
        }
        entry.remove(version.subject(), version.version());
        if (entry.isEmpty()) {
            ids.remove(entry.id());
            idsByGuid.remove(entry.guid(), entry.id());
            answers.invalidate(entry);
        } else {
            refresh(entry);
        }
    }

    private void softDeleteSubject(String subject, int upTo) {
        SubjectVersions before = subjects.get(subject);
        if (before == null) {
            return;
        }
        SubjectVersions after = before.deletedUpTo(upTo, clock.millis());
        subjects.put(subject, after);
        refreshIdsOf(after.all());
    }

    private void clearSubject(String subject) {
        SubjectVersions before = subjects.get(subject);
        if (before == null) {
            return;
        }
        for (SchemaVersion v : before.deleted()) {
            removeVersion(subject, v.version());
        }
    }

    private void refreshIdsOf(Collection<SchemaVersion> versions) {
        for (SchemaVersion v : versions) {
            SchemaIdEntry entry = ids.get(v.id());
            if (entry != null) {
                refresh(entry);
            }
        }
    }

    /** Invalidates the cached answer of {@code GET /schemas/ids/{id}}. */
    private void refresh(SchemaIdEntry entry) {
        entry.changed();
    }

    /**
     * The answer of {@code GET /schemas/ids/{id}} without query parameters, from a cache bounded in bytes: a hot id
     * costs a cache hit, and the heap does not hold an answer for every id ever read.
     *
     * @return the JSON, or null while no version holds the id
     */
    public byte[] schemaByIdJson(SchemaIdEntry entry) {
        int changes = entry.changes();
        CachedAnswer cached = answers.getIfPresent(entry);
        if (cached != null && cached.changes() == changes) {
            return cached.json();
        }
        SchemaVersion holder = holderOf(entry, null);
        if (holder == null) {
            return null;
        }
        // built from what the state holds now; if the applier changes the id meanwhile, the count moved on and the
        // next read builds it again
        byte[] json = ResponseJson.schemaById(entry, holder, null);
        answers.put(entry, new CachedAnswer(changes, json));
        return json;
    }

    // ------------------------------------------------------------------ reading

    /**
     * The version that answers for an id: the one of {@code preferredSubject} when it holds the id, otherwise
     * the first in Confluent's order; null when none.
     */
    public SchemaVersion holderOf(SchemaIdEntry entry, String preferredSubject) {
        if (preferredSubject != null) {
            Integer v = entry.versionOf(preferredSubject);
            SchemaVersion version = v == null ? null : version(preferredSubject, v);
            if (version != null) {
                return version;
            }
        }
        for (Map.Entry<String, Integer> sv : entry.subjectVersions()) {
            SchemaVersion version = version(sv.getKey(), sv.getValue());
            if (version != null) {
                return version;
            }
        }
        return null;
    }

    private SchemaVersion version(String subject, int version) {
        SubjectVersions sv = subjects.get(subject);
        return sv == null ? null : sv.version(version).orElse(null);
    }

    /** The versions of a subject, soft-deleted ones included; empty when the subject has none. */
    public Optional<SubjectVersions> subject(String subject) {
        return Optional.ofNullable(subjects.get(subject));
    }

    /** The schema with this id; empty when unknown (or hard-deleted everywhere). */
    public Optional<SchemaIdEntry> schemaById(int id) {
        return Optional.ofNullable(ids.get(id));
    }

    /** The id of the schema with this guid; empty when unknown. */
    public Optional<Integer> idByGuid(String guid) {
        return Optional.ofNullable(idsByGuid.get(guid));
    }

    /** Every subject with at least one version (soft-deleted included), sorted. */
    public List<SubjectVersions> subjects() {
        List<SubjectVersions> all = new ArrayList<>(subjects.values());
        all.sort((a, b) -> a.subject().compareTo(b.subject()));
        return all;
    }

    /** The subject names, sorted. */
    public TreeSet<String> subjectNames() {
        return new TreeSet<>(subjects.keySet());
    }

    /** The ids of every version (soft-deleted included) that references {@code subject} at {@code version}. */
    public List<SchemaVersion> referrers(String subject, int version) {
        List<SchemaVersion> referrers = new ArrayList<>();
        for (SubjectVersions sv : subjects.values()) {
            for (SchemaVersion v : sv.all()) {
                for (var r : v.references()) {
                    if (r.subject().equals(subject) && r.version() == version) {
                        referrers.add(v);
                        break;
                    }
                }
            }
        }
        return referrers;
    }

    /** The subject's compatibility level when one is set for it. */
    public Optional<String> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** The global compatibility level when one is set. */
    public Optional<String> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    /** The subject's mode when one is set for it. */
    public Optional<String> subjectMode(String subject) {
        return Optional.ofNullable(subjectModes.get(subject));
    }

    /** The global mode when one is set. */
    public Optional<String> globalMode() {
        return Optional.ofNullable(globalMode);
    }

    /** The highest schema id ever applied (hard-deleted ids included); 0 when none. */
    public int maxId() {
        return maxId;
    }

    /** The number of distinct schema ids held. */
    public int schemaCount() {
        return ids.size();
    }

    /** The number of records applied so far. */
    public long appliedRecords() {
        return applied.get();
    }

    /** Increases whenever a version is hard-deleted (parsed schemas that referenced it may be stale). */
    public long hardDeleteGeneration() {
        return hardDeletes.get();
    }
}
