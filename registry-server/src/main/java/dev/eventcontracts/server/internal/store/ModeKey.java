package dev.eventcontracts.server.internal.store;

/**
 * Key of a mode (READWRITE, READONLY, IMPORT…): {@code {"keytype":"MODE","subject":"s","magic":0}}, or
 * {@code {"keytype":"MODE","magic":0}} for the global one.
 *
 * @param subject the subject, or null for the global mode
 */
public record ModeKey(String subject) implements RegistryKey {

    /** The key of the global mode. */
    public static ModeKey global() {
        return new ModeKey(null);
    }

    /** Whether this is the global mode's key. */
    public boolean isGlobal() {
        return subject == null;
    }
}
