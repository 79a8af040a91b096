package dev.eventcontracts.client;

import java.util.Objects;

/**
 * A registry client setting that is invalid or conflicts with another one. The message names the setting by
 * its Confluent key, quotes the value unless it is a secret, and says what was expected.
 *
 * @since 0.1.0
 */
public final class RegistryConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * Creates the exception.
     *
     * @param key the Confluent key of the offending setting, e.g. {@code schema.registry.url}; never null
     * @param message what is wrong and what was expected; never null
     */
    public RegistryConfigException(String key, String message) {
        this(key, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param key the Confluent key of the offending setting; never null
     * @param message what is wrong and what was expected; never null
     * @param cause the underlying failure, or null
     */
    public RegistryConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Returns the Confluent key of the offending setting; never null. */
    public String key() {
        return key;
    }
}
