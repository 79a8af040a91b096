package dev.eventcontracts.maven.internal;

import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.compat.VersionedSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The earlier versions of one subject that a candidate is checked against.
 *
 * @param versions the live versions, oldest first; empty when the subject has none yet
 * @param labels where each version came from, by version number (e.g. {@code 1 -> "released v1"}); may lack
 *     entries
 * @param level the level the history's owner enforces (a registry's effective level); empty offline
 */
public record SubjectHistory(
        List<VersionedSchema> versions, Map<Integer, String> labels, Optional<CompatibilityLevel> level) {

    /** Copies the collections. */
    public SubjectHistory {
        versions = List.copyOf(versions);
        labels = Map.copyOf(labels);
    }

    /** Returns an empty history: the subject is not registered (or not released) yet. */
    public static SubjectHistory none() {
        return new SubjectHistory(List.of(), Map.of(), Optional.empty());
    }

    /**
     * Describes a version for people, e.g. {@code "version 1 (released v1)"}.
     *
     * @param version the version number
     * @return the description; never null
     */
    public String describe(int version) {
        String label = labels.get(version);
        return label == null ? "version " + version : "version " + version + " (" + label + ")";
    }
}
