package dev.eventcontracts.server.internal.auth;

import java.util.regex.Pattern;

/** What a request does, as far as permissions go. */
public enum Access {
    /** Reads, lookups, compatibility checks. */
    READ,
    /** Registrations and soft deletes. */
    WRITE,
    /** Configs, modes, permanent deletes. */
    ADMIN;

    private static final Pattern LOOKUP = Pattern.compile("^/subjects/[^/]+/?$");

    /**
     * Classifies a request.
     *
     * @param method the HTTP method
     * @param path the request path
     * @param permanent whether {@code permanent=true} was given
     */
    public static Access of(String method, String path, boolean permanent) {
        switch (method) {
            case "GET", "HEAD", "OPTIONS":
                return READ;
            case "POST":
                return path.equals("/")
                                || path.startsWith("/compatibility/")
                                || LOOKUP.matcher(path).matches()
                        ? READ
                        : WRITE;
            case "DELETE":
                if (path.startsWith("/subjects")) {
                    return permanent ? ADMIN : WRITE;
                }
                return ADMIN;
            case "PUT":
                return ADMIN;
            default:
                return WRITE;
        }
    }
}
