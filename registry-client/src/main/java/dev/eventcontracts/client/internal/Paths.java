package dev.eventcontracts.client.internal;

import dev.eventcontracts.client.RegistryLookups;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Builds request paths: every subject is one percent-encoded segment, so {@code /}, {@code :} or spaces survive. */
final class Paths {

    private final StringBuilder path = new StringBuilder();
    private boolean hasQuery;

    private Paths(String first) {
        path.append(first);
    }

    static Paths of(String fixed) {
        return new Paths(fixed);
    }

    /** Appends a literal part, e.g. {@code /versions}. */
    Paths then(String fixed) {
        path.append(fixed);
        return this;
    }

    /** Appends {@code /} and one encoded segment. */
    Paths segment(String value) {
        path.append('/').append(encode(Objects.requireNonNull(value, "subject")));
        return this;
    }

    /** Appends {@code /} and a version number, {@code latest} for {@link RegistryLookups#LATEST}. */
    Paths version(int version) {
        path.append('/').append(version == RegistryLookups.LATEST ? "latest" : Integer.toString(version));
        return this;
    }

    /** Appends {@code name=true} when the flag is set; registries read an absent flag as false. */
    Paths flag(String name, boolean value) {
        return value ? param(name, "true") : this;
    }

    /** Appends an encoded query parameter when the value is not null. */
    Paths param(String name, String value) {
        if (value != null) {
            path.append(hasQuery ? '&' : '?').append(name).append('=').append(encode(value));
            hasQuery = true;
        }
        return this;
    }

    static String encode(String value) {
        // URLEncoder does form encoding; a path segment needs %20 for a space and no bare '+'
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
