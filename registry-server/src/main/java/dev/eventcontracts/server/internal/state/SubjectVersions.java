package dev.eventcontracts.server.internal.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The versions of one subject, soft-deleted ones included, ascending by version number. Immutable: the state
 * replaces the whole object on every change, so a reader always sees one consistent snapshot without locking.
 * Held as a sorted array: appending the next version copies one array, a lookup is a binary search.
 */
public final class SubjectVersions {

    private final String subject;
    private final SchemaVersion[] versions;
    private final SchemaVersion latestLive;

    private SubjectVersions(String subject, SchemaVersion[] sortedVersions) {
        this.subject = subject;
        this.versions = sortedVersions;
        SchemaVersion latest = null;
        for (int i = sortedVersions.length - 1; i >= 0; i--) {
            if (!sortedVersions[i].deleted()) {
                latest = sortedVersions[i];
                break;
            }
        }
        this.latestLive = latest;
    }

    /** A subject holding one version. */
    static SubjectVersions of(SchemaVersion version) {
        return new SubjectVersions(version.subject(), new SchemaVersion[] {version});
    }

    /** A copy with {@code version} added or replaced. */
    SubjectVersions with(SchemaVersion version) {
        int at = indexOf(version.version());
        if (at >= 0) {
            SchemaVersion[] copy = versions.clone();
            copy[at] = version;
            return new SubjectVersions(subject, copy);
        }
        int insert = -at - 1;
        SchemaVersion[] copy = new SchemaVersion[versions.length + 1];
        System.arraycopy(versions, 0, copy, 0, insert);
        copy[insert] = version;
        System.arraycopy(versions, insert, copy, insert + 1, versions.length - insert);
        return new SubjectVersions(subject, copy);
    }

    /** A copy without {@code version}; null when nothing would remain. */
    SubjectVersions without(int version) {
        int at = indexOf(version);
        if (at < 0) {
            return this;
        }
        if (versions.length == 1) {
            return null;
        }
        SchemaVersion[] copy = new SchemaVersion[versions.length - 1];
        System.arraycopy(versions, 0, copy, 0, at);
        System.arraycopy(versions, at + 1, copy, at, versions.length - at - 1);
        return new SubjectVersions(subject, copy);
    }

    /** A copy where every version up to {@code upTo} is soft-deleted. */
    SubjectVersions deletedUpTo(int upTo, long timestamp) {
        SchemaVersion[] copy = versions.clone();
        for (int i = 0; i < copy.length && copy[i].version() <= upTo; i++) {
            if (!copy[i].deleted()) {
                copy[i] = copy[i].withDeleted(true, timestamp);
            }
        }
        return new SubjectVersions(subject, copy);
    }

    private int indexOf(int version) {
        int low = 0;
        int high = versions.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int v = versions[mid].version();
            if (v < version) {
                low = mid + 1;
            } else if (v > version) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    public String subject() {
        return subject;
    }

    /** The version, soft-deleted or not. */
    public Optional<SchemaVersion> version(int version) {
        int at = indexOf(version);
        return at < 0 ? Optional.empty() : Optional.of(versions[at]);
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
        return versions[versions.length - 1].version();
    }

    /** Every version, ascending. */
    public List<SchemaVersion> all() {
        return Arrays.asList(versions.clone());
    }

    /** The live versions, ascending. */
    public List<SchemaVersion> live() {
        List<SchemaVersion> live = new ArrayList<>(versions.length);
        for (SchemaVersion v : versions) {
            if (!v.deleted()) {
                live.add(v);
            }
        }
        return live;
    }

    /** The soft-deleted versions, ascending. */
    public List<SchemaVersion> deleted() {
        List<SchemaVersion> deleted = new ArrayList<>();
        for (SchemaVersion v : versions) {
            if (v.deleted()) {
                deleted.add(v);
            }
        }
        return deleted;
    }
}
