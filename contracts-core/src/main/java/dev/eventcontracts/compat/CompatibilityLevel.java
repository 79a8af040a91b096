package dev.eventcontracts.compat;

import java.util.Locale;
import java.util.Optional;

/**
 * The seven compatibility levels of Confluent Schema Registry.
 *
 * <p>BACKWARD: the new schema can read data written with the old one. FORWARD: the old schema can read data
 * written with the new one. FULL: both. The plain levels check against the latest live version; the
 * {@code _TRANSITIVE} levels against every live version.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Returns whether the new schema must read data written with the old ones. */
    public boolean checksBackward() {
        return backward;
    }

    /** Returns whether the old schemas must read data written with the new one. */
    public boolean checksForward() {
        return forward;
    }

    /** Returns whether every live version is checked, not only the latest. */
    public boolean isTransitive() {
        return transitive;
    }

    /**
     * Parses a level name case-insensitively, as the registry's REST API accepts it.
     *
     * @param name the level name, e.g. {@code "full_transitive"}; null gives empty
     * @return the level, or empty when the name is not one of the seven
     */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
