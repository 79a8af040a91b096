package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import dev.eventcontracts.server.internal.state.SubjectVersions;
import dev.eventcontracts.server.internal.store.ConfigKey;
import dev.eventcontracts.server.internal.store.DeleteSubjectKey;
import dev.eventcontracts.server.internal.store.DeleteSubjectValue;
import dev.eventcontracts.server.internal.store.ModeKey;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft and permanent deletes of versions and subjects, with Confluent's rules: soft delete first, permanent
 * delete after (40405/40407); a schema another schema references cannot be deleted (42206); when a subject's
 * last live version goes, its subject-level config and mode go too.
 */
public final class DeletionService {

    private final RegistryState state;
    private final ModeService modes;
    private final WriteGate writes;

    /** Creates the service. */
    public DeletionService(RegistryState state, ModeService modes, WriteGate writes) {
        this.state = state;
        this.modes = modes;
        this.writes = writes;
    }

    /**
     * Deletes one version ({@code DELETE /subjects/{s}/versions/{v}}).
     *
     * @return the version number deleted
     */
    public int deleteVersion(String subject, String versionText, boolean permanent) {
        int versionId = Versions.parse(versionText);
        return writes.locked(() -> {
            SubjectVersions versions = state.subject(subject).orElse(null);
            SchemaVersion target = null;
            if (versions != null) {
                if (versionId == Versions.LATEST) {
                    target = versions.latestLive().orElse(null);
                } else {
                    target = versions.version(versionId).orElse(null);
                    if (target != null && target.deleted() && !permanent) {
                        throw new RegistryException(ErrorKind.VERSION_SOFT_DELETED, subject, versionText);
                    }
                }
            }
            if (target == null) {
                throw versions == null
                        ? new RegistryException(ErrorKind.SUBJECT_NOT_FOUND, subject)
                        : new RegistryException(ErrorKind.VERSION_NOT_FOUND, versionId);
            }
            requireWritable(subject);
            requireUnreferenced(target, permanent);
            if (permanent && !target.deleted()) {
                throw new RegistryException(ErrorKind.VERSION_NOT_SOFT_DELETED, subject, target.version());
            }
            SchemaKey key = new SchemaKey(subject, target.version());
            if (permanent) {
                writes.append("Delete Schema Version", key, null);
            } else {
                writes.append(
                        "Delete Schema Version",
                        key,
                        new SchemaValue(
                                subject,
                                target.version(),
                                target.id(),
                                target.schemaType(),
                                target.references(),
                                target.schema(),
                                true,
                                target.extras()));
                if (!state.subject(subject).map(SubjectVersions::hasLive).orElse(false)) {
                    dropSubjectSettings(subject);
                }
            }
            return target.version();
        });
    }

    /**
     * Deletes a subject ({@code DELETE /subjects/{s}}).
     *
     * @return the versions deleted, ascending
     */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return writes.locked(() -> {
            SubjectVersions versions = state.subject(subject)
                    .orElseThrow(() -> new RegistryException(ErrorKind.SUBJECT_NOT_FOUND, subject));
            if (!permanent && !versions.hasLive()) {
                throw new RegistryException(ErrorKind.SUBJECT_SOFT_DELETED, subject);
            }
            requireWritable(subject);
            List<SchemaVersion> targets = permanent ? versions.all() : versions.live();
            List<Integer> deleted = new ArrayList<>();
            for (SchemaVersion v : targets) {
                requireUnreferenced(v, permanent);
                if (permanent && !v.deleted()) {
                    throw new RegistryException(ErrorKind.SUBJECT_NOT_SOFT_DELETED, subject);
                }
                deleted.add(v.version());
            }
            if (permanent) {
                for (int version : deleted) {
                    writes.append("Delete Subject", new SchemaKey(subject, version), null);
                }
            } else {
                int watermark = deleted.get(deleted.size() - 1);
                writes.append(
                        "Delete Subject", new DeleteSubjectKey(subject), new DeleteSubjectValue(subject, watermark));
                dropSubjectSettings(subject);
            }
            return deleted;
        });
    }

    private void requireWritable(String subject) {
        if (modes.effectiveMode(subject).isReadOnly()) {
            throw RegistrationService.notPermitted(subject, "is in read-only mode");
        }
    }

    /** Soft deletes count live referrers only; permanent deletes count soft-deleted referrers too. */
    private void requireUnreferenced(SchemaVersion target, boolean permanent) {
        boolean referenced =
                state.referrers(target.subject(), target.version()).stream().anyMatch(r -> permanent || !r.deleted());
        if (referenced) {
            throw new RegistryException(
                    ErrorKind.REFERENCE_EXISTS,
                    "{magic=1,keytype=SCHEMA,subject=" + target.subject() + ",version=" + target.version() + "}");
        }
    }

    private void dropSubjectSettings(String subject) {
        if (state.subjectMode(subject).isPresent()) {
            writes.append("Delete Subject", new ModeKey(subject), null);
        }
        if (state.subjectLevel(subject).isPresent()) {
            writes.append("Delete Subject", new ConfigKey(subject), null);
        }
    }
}
