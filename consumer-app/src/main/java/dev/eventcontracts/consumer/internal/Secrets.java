package dev.eventcontracts.consumer.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of logs and messages: masks passwords in URLs (JDBC query parameters such as
 * {@code ?password=…}, H2's {@code ;PASSWORD=…}, and {@code user:password@} in any URL) and the values of settings
 * whose names say they hold a secret.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "********";

    private static final Pattern URL_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|sslpassword|sslkey|pwd|secret|token|access[_-]?key)=)([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("(://[^/@:?;]*:)([^/@]*)(@)");
    private static final String[] SECRET_KEY_PARTS = {"password", "secret", "jaas", "user.info", "token", "credential"};

    private Secrets() {}

    /**
     * Returns the URL with every password it carries masked.
     *
     * @param url a JDBC, HTTP or other URL; null gives null
     * @return the masked URL
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = replace(URL_PARAMETER.matcher(url), 1, "");
        return replace(USER_INFO.matcher(masked), 1, "$3");
    }

    private static String replace(Matcher matcher, int keep, String tail) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(keep)) + MASK + tail);
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Returns whether a setting of this name holds a secret, e.g. {@code ssl.truststore.password},
     * {@code sasl.jaas.config} or {@code basic.auth.user.info}.
     *
     * @param key the setting name; never null
     * @return whether to mask its value
     */
    public static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String part : SECRET_KEY_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns a copy of the settings with secret values masked and URLs' passwords masked.
     *
     * @param settings the settings; never null
     * @return a new map in the same order; never null
     */
    public static Map<String, String> mask(Map<String, String> settings) {
        Map<String, String> masked = new LinkedHashMap<>();
        settings.forEach((key, value) -> masked.put(key, isSecretKey(key) ? MASK : maskUrl(value)));
        return masked;
    }
}
