package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compatibility configuration, as Confluent stores it: {@code {"subject":"s","compatibilityLevel":"FULL"}},
 * or {@code {"compatibilityLevel":"BACKWARD"}} for the global one.
 *
 * @param subject the subject, or null for the global configuration
 * @param compatibilityLevel the level name ({@code BACKWARD}, {@code FULL_TRANSITIVE}…); null when the record
 *     sets only unmodelled fields
 * @param extras fields this registry does not model (see {@link RegistryValue#extras()})
 */
public record ConfigValue(String subject, String compatibilityLevel, ObjectNode extras) implements RegistryValue {

    /** Copies the extras. */
    public ConfigValue {
        extras = Extras.copy(extras);
    }

    /** A configuration without unmodelled fields (what this registry writes). */
    public ConfigValue(String subject, String compatibilityLevel) {
        this(subject, compatibilityLevel, null);
    }

    @Override
    public ObjectNode extras() {
        return extras.deepCopy();
    }
}
