package dev.eventcontracts.client.internal;

import dev.eventcontracts.client.RegistryClientKeys;
import dev.eventcontracts.client.RegistryConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses, checks and displays registry base URLs; displayed URLs never show user-info. */
public final class RegistryUrls {

    private static final String KEY = RegistryClientKeys.SCHEMA_REGISTRY_URL;
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    private RegistryUrls() {}

    /**
     * Splits Confluent's comma-separated URL list, skipping blanks.
     *
     * @param commaSeparated the list; null is an error
     * @return the URL strings; may be empty
     */
    public static List<String> split(String commaSeparated) {
        if (commaSeparated == null) {
            throw new RegistryConfigException(KEY, KEY + " is missing; expected one or more http(s) URLs");
        }
        List<String> out = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /**
     * Parses and checks URLs: absolute {@code http}/{@code https} with a host, no query or fragment; a trailing
     * slash is dropped so paths can be appended.
     *
     * @param urls the URL strings; never null
     * @return the URLs in the same order; never empty
     */
    public static List<URI> parse(List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            throw new RegistryConfigException(KEY, KEY + " is empty; expected one or more http(s) URLs");
        }
        List<URI> out = new ArrayList<>();
        for (String url : urls) {
            out.add(parseOne(url == null ? "" : url.trim()));
        }
        return out;
    }

    private static URI parseOne(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "it is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(url, "expected an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "expected a host name");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(url, "expected no query or fragment");
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().indexOf(':') <= 0) {
            throw invalid(url, "user-info must have the form '<user>:<password>'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String rebuilt = scheme + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1) + path;
        return URI.create(rebuilt);
    }

    private static RegistryConfigException invalid(String url, String expectation) {
        return new RegistryConfigException(KEY, KEY + " contains '" + mask(url) + "': " + expectation);
    }

    /** Replaces any user-info in a URL text by {@code ***}. */
    static String mask(String url) {
        return USER_INFO.matcher(url).replaceFirst("//***@");
    }

    /**
     * Returns the URL without user-info, for requests and messages.
     *
     * @param url a URL from {@link #parse}
     * @return {@code scheme://host[:port][/path]}; never null
     */
    public static String display(URI url) {
        String authority = url.getRawAuthority();
        return url.getScheme() + "://" + authority.substring(authority.indexOf('@') + 1)
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /**
     * Returns the {@code Authorization} value for user-info, {@code Basic base64(user:password)}.
     *
     * @param userInfo decoded {@code user:password}; never null
     * @return the header value; never null
     */
    public static String basicAuthorization(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
