package dev.eventcontracts.server.internal.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The versions of one subject, soft-deleted ones included, by version number. Immutable: the state replaces the
 * whole object on every change, so a reader always sees one consistent snapshot without locking.
 */
public final class SubjectVersions {

    private final String subject;
    private final NavigableMap<Integer, SchemaVersion> versions;
    private final SchemaVersion latestLive;

    SubjectVersions(String subject, NavigableMap<Integer, SchemaVersion> versions) {
        this.subject = subject;
        this.versions = Collections.unmodifiableNavigableMap(new TreeMap<>(versions));
        SchemaVersion latest = null;
        for (SchemaVersion v : this.versions.descendingMap().values()) {
            if (!v.deleted()) {
                latest = v;
                break;
            }
        }
        this.latestLive = latest;
    }

    /** A copy with {@code version} added or replaced. */
    SubjectVersions with(SchemaVersion version) {
        TreeMap<Integer, SchemaVersion> copy = new TreeMap<>(versions);
        copy.put(version.version(), version);
        return new SubjectVersions(subject, copy);
    }

    /** A copy without {@code version}; null when nothing would remain. */
    SubjectVersions without(int version) {
        TreeMap<Integer, SchemaVersion> copy = new TreeMap<>(versions);
        copy.remove(version);
        return copy.isEmpty() ? null : new SubjectVersions(subject, copy);
    }

    /** A copy where every version up to {@code upTo} is soft-deleted. */
    SubjectVersions deletedUpTo(int upTo, long timestamp) {
        TreeMap<Integer, SchemaVersion> copy = new TreeMap<>(versions);
        copy.headMap(upTo, true).replaceAll((v, sv) -> sv.deleted() ? sv : sv.withDeleted(true, timestamp));
        return new SubjectVersions(subject, copy);
    }

    public String subject() {
        return subject;
    }

    /** The version, soft-deleted or not. */
    public Optional<SchemaVersion> version(int version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** The highest live version; empty when every version is soft-deleted. */
    public Optional<SchemaVersion> latestLive() {
        return Optional.ofNullable(latestLive);
    }

    /** Whether at least one version is not soft-deleted. */
    public boolean hasLive() {
        return latestLive != null;
    }

    /** The highest version number, soft-deleted versions counted. */
    public int maxVersion() {
        return versions.lastKey();
    }

    /** Every version, ascending. */
    public List<SchemaVersion> all() {
        return List.copyOf(versions.values());
    }

    /** The live versions, ascending. */
    public List<SchemaVersion> live() {
        List<SchemaVersion> live = new ArrayList<>(versions.size());
        for (SchemaVersion v : versions.values()) {
            if (!v.deleted()) {
                live.add(v);
            }
        }
        return live;
    }

    /** The soft-deleted versions, ascending. */
    public List<SchemaVersion> deleted() {
        List<SchemaVersion> deleted = new ArrayList<>();
        for (SchemaVersion v : versions.values()) {
            if (v.deleted()) {
                deleted.add(v);
            }
        }
        return deleted;
    }
}
