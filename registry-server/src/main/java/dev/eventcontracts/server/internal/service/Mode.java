package dev.eventcontracts.server.internal.service;

import java.util.Locale;
import java.util.Optional;

/** The registry modes of Confluent Schema Registry. */
public enum Mode {
    /** Registrations and deletions allowed, ids assigned by the registry. */
    READWRITE,
    /** No registrations or deletions. */
    READONLY,
    /** Like {@link #READONLY}; set globally it overrides every subject's mode. */
    READONLY_OVERRIDE,
    /** Registrations keep the ids and versions the client gives (migrating from another registry). */
    IMPORT;

    /** Parses a mode name case-insensitively; empty when it is not one. */
    public static Optional<Mode> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether writes are refused in this mode. */
    public boolean isReadOnly() {
        return this == READONLY || this == READONLY_OVERRIDE;
    }
}
