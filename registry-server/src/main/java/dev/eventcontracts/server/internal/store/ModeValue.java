package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A mode, as Confluent stores it: {@code {"subject":"s","mode":"READONLY"}}, or {@code {"mode":"IMPORT"}} for
 * the global one.
 *
 * @param subject the subject, or null for the global mode
 * @param mode the mode name ({@code READWRITE}, {@code READONLY}, {@code READONLY_OVERRIDE}, {@code IMPORT})
 * @param extras fields this registry does not model (see {@link RegistryValue#extras()})
 */
public record ModeValue(String subject, String mode, ObjectNode extras) implements RegistryValue {

    /** Copies the extras. */
    public ModeValue {
        extras = Extras.copy(extras);
    }

    /** A mode without unmodelled fields (what this registry writes). */
    public ModeValue(String subject, String mode) {
        this(subject, mode, null);
    }

    @Override
    public ObjectNode extras() {
        return extras.deepCopy();
    }
}
