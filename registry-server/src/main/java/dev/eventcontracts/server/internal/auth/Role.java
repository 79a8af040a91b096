package dev.eventcontracts.server.internal.auth;

import java.util.Locale;
import java.util.Optional;

/** What an authenticated user may do. Each role includes the ones before it. */
public enum Role {
    /** Reads, lookups and compatibility checks. */
    READ_ONLY,
    /** Also registrations and soft deletes. */
    READ_WRITE,
    /** Also configs, modes and permanent deletes. */
    ADMIN;

    /** Whether this role may perform {@code access}. */
    public boolean permits(Access access) {
        return switch (access) {
            case READ -> true;
            case WRITE -> this != READ_ONLY;
            case ADMIN -> this == ADMIN;
        };
    }

    /** Parses {@code read-only}, {@code read-write} or {@code admin} (case and {@code -}/{@code _} ignored). */
    public static Optional<Role> parse(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (normalized) {
            case "READ_ONLY", "READONLY" -> Optional.of(READ_ONLY);
            case "READ_WRITE", "READWRITE" -> Optional.of(READ_WRITE);
            case "ADMIN" -> Optional.of(ADMIN);
            default -> Optional.empty();
        };
    }
}
