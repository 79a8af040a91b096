package dev.eventcontracts.client.internal;

import dev.eventcontracts.client.RegistryConfigException;
import java.util.Locale;
import java.util.Set;

/** Checks extra HTTP headers before they reach the JDK client, which would reject them later and vaguely. */
public final class HeaderRules {

    private static final Set<String> SET_BY_CLIENT =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");
    private static final String TOKEN_SPECIALS = "!#$%&'*+-.^_`|~";

    private HeaderRules() {}

    /**
     * Checks a header name and value.
     *
     * @param key the setting to name in errors
     * @param name the header name
     * @param value the header value
     * @throws RegistryConfigException when the name is not an HTTP token, is set by the HTTP client itself, or
     *     the value spans lines
     */
    public static void check(String key, String name, String value) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(HeaderRules::isTokenChar)) {
            throw new RegistryConfigException(key, key + ": '" + name + "' is not a valid HTTP header name");
        }
        if (SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
            throw new RegistryConfigException(
                    key, key + ": header '" + name + "' is set by the HTTP client and cannot be configured");
        }
        if (value == null || hasLineBreak(value)) {
            throw new RegistryConfigException(
                    key, key + ": the value of header '" + name + "' must be a single line (value hidden)");
        }
    }

    /** Returns whether a text contains CR, LF or NUL. */
    public static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\0') >= 0;
    }

    private static boolean isTokenChar(int c) {
        return (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || TOKEN_SPECIALS.indexOf(c) >= 0;
    }
}
