package dev.eventcontracts.server.internal.store;

/**
 * Key of a compatibility configuration: {@code {"keytype":"CONFIG","subject":"s","magic":0}}, or
 * {@code {"keytype":"CONFIG","magic":0}} for the global one.
 *
 * @param subject the subject, or null for the global configuration
 */
public record ConfigKey(String subject) implements RegistryKey {

    /** The key of the global configuration. */
    public static ConfigKey global() {
        return new ConfigKey(null);
    }

    /** Whether this is the global configuration's key. */
    public boolean isGlobal() {
        return subject == null;
    }
}
