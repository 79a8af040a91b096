package dev.eventcontracts.server.internal.service;

import java.util.Locale;

/** Version ids of the REST API: {@code 1} to {@code 2^31-1}, or {@code latest} / {@code -1}. */
public final class Versions {

    /** The version id meaning "the latest live version". */
    public static final int LATEST = -1;

    private Versions() {}

    /**
     * Parses a version id as Confluent's {@code VersionId} does.
     *
     * @param text the path segment; null means latest
     * @return the version, or {@link #LATEST}
     * @throws RegistryException 42202 when it is neither
     */
    public static int parse(String text) {
        if (text == null || text.trim().toLowerCase(Locale.ROOT).equals("latest")) {
            return LATEST;
        }
        int version;
        try {
            version = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorKind.INVALID_VERSION, text);
        }
        if (version <= 0 && version != LATEST) {
            throw new RegistryException(ErrorKind.INVALID_VERSION, text);
        }
        return version;
    }
}
