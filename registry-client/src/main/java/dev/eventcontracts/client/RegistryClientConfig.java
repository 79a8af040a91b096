package dev.eventcontracts.client;

import static dev.eventcontracts.client.RegistryClientKeys.BASIC_AUTH_USER_INFO;
import static dev.eventcontracts.client.RegistryClientKeys.BEARER_AUTH_TOKEN;
import static dev.eventcontracts.client.RegistryClientKeys.HTTP_CONNECT_TIMEOUT_MS;
import static dev.eventcontracts.client.RegistryClientKeys.HTTP_READ_TIMEOUT_MS;
import static dev.eventcontracts.client.RegistryClientKeys.LATEST_CACHE_SIZE;
import static dev.eventcontracts.client.RegistryClientKeys.MAX_RETRIES;
import static dev.eventcontracts.client.RegistryClientKeys.MAX_SCHEMAS_PER_SUBJECT;
import static dev.eventcontracts.client.RegistryClientKeys.PROXY_HOST;
import static dev.eventcontracts.client.RegistryClientKeys.REQUEST_HEADER_PREFIX;
import static dev.eventcontracts.client.RegistryClientKeys.RETRIES_MAX_WAIT_MS;
import static dev.eventcontracts.client.RegistryClientKeys.RETRIES_WAIT_MS;
import static dev.eventcontracts.client.RegistryClientKeys.SCHEMA_REGISTRY_URL;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_KEYSTORE_LOCATION;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_KEY_PASSWORD;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_TRUSTSTORE_LOCATION;

import dev.eventcontracts.client.internal.ConfluentProperties;
import dev.eventcontracts.client.internal.HeaderRules;
import dev.eventcontracts.client.internal.KeyStores;
import dev.eventcontracts.client.internal.RegistryUrls;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a schema registry and how much to cache: URLs with failover, basic or bearer
 * authentication, TLS stores, timeouts, retries with exponential backoff, extra headers and cache sizes.
 *
 * <p>Build one with {@link #builder()}, whose setters check their value at once and name any setting it
 * conflicts with, or from Confluent-named properties with {@link #fromConfluentProperties(Map)} (the keys are
 * listed in {@link RegistryClientKeys}). Instances are immutable; {@link #toString()} hides every secret.
 *
 * @since 0.1.0
 */
public final class RegistryClientConfig {

    /** A key or trust store: file, password (null when none) and type ({@code JKS} or {@code PKCS12}). */
    public record StoreConfig(Path location, String password, String type) {

        /** Checks that location and type are present. */
        public StoreConfig {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String toString() {
            return "StoreConfig[location=" + location + ", password=" + (password == null ? "none" : "[hidden]")
                    + ", type=" + type + "]";
        }
    }

    private final List<URI> urls;
    private final String basicAuthUserInfo;
    private final String bearerToken;
    private final StoreConfig trustStore;
    private final StoreConfig keyStore;
    private final String keyPassword;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration maxRetryBackoff;
    private final Map<String, String> httpHeaders;
    private final InetSocketAddress proxy;
    private final int cacheCapacity;
    private final int latestCacheSize;
    private final Duration latestCacheTtl;

    private RegistryClientConfig(Builder b) {
        this.urls = List.copyOf(b.urls);
        this.basicAuthUserInfo = b.basicAuthUserInfo;
        this.bearerToken = b.bearerToken;
        this.trustStore = b.trustStore;
        this.keyStore = b.keyStore;
        this.keyPassword = b.keyPassword;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxRetries = b.maxRetries;
        this.retryBackoff = b.retryBackoff;
        this.maxRetryBackoff = b.maxRetryBackoff;
        this.httpHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.httpHeaders));
        this.proxy = b.proxy;
        this.cacheCapacity = b.cacheCapacity;
        this.latestCacheSize = b.latestCacheSize;
        this.latestCacheTtl = b.latestCacheTtl;
    }

    /** Returns a builder with Confluent's defaults and no URL yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a configuration from Confluent-named properties, as a Confluent serde or Maven plugin takes them.
     * Unknown keys are ignored; values may be strings or the matching Java types.
     *
     * @param properties the properties; never null
     * @return the configuration; never null
     * @throws RegistryConfigException naming the key when a value is missing, malformed or unsupported
     */
    public static RegistryClientConfig fromConfluentProperties(Map<String, ?> properties) {
        return ConfluentProperties.apply(Objects.requireNonNull(properties, "properties"), builder())
                .build();
    }

    /** Returns the registry base URLs in failover order, as given (user-info included); never empty. */
    public List<URI> urls() {
        return urls;
    }

    /** Returns the basic-auth {@code user:password} of source {@code USER_INFO}, if set. */
    public Optional<String> basicAuthUserInfo() {
        return Optional.ofNullable(basicAuthUserInfo);
    }

    /** Returns the static bearer token, if set. */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    /** Returns the trust store, if set; the JDK's trusted certificates are used otherwise. */
    public Optional<StoreConfig> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** Returns the key store holding the client certificate, if set. */
    public Optional<StoreConfig> keyStore() {
        return Optional.ofNullable(keyStore);
    }

    /** Returns the password of the private key, if it differs from the key store's. */
    public Optional<String> keyPassword() {
        return Optional.ofNullable(keyPassword);
    }

    /** Returns the connect timeout; never null. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Returns how long to wait for the answer to one request; never null. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Returns how often a failed idempotent call is retried. */
    public int maxRetries() {
        return maxRetries;
    }

    /** Returns the first backoff, doubled per retry; never null. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** Returns the longest backoff; never null. */
    public Duration maxRetryBackoff() {
        return maxRetryBackoff;
    }

    /** Returns the extra HTTP headers sent with every request; never null. */
    public Map<String, String> httpHeaders() {
        return httpHeaders;
    }

    /** Returns the HTTP proxy, if set. */
    public Optional<InetSocketAddress> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Returns the capacity of each schema cache ({@code max.schemas.per.subject}). */
    public int cacheCapacity() {
        return cacheCapacity;
    }

    /** Returns the capacity of the latest-version cache. */
    public int latestCacheSize() {
        return latestCacheSize;
    }

    /** Returns how long a latest version is cached; empty means no expiry. */
    public Optional<Duration> latestCacheTtl() {
        return Optional.ofNullable(latestCacheTtl);
    }

    @Override
    public String toString() {
        List<String> shownUrls = new ArrayList<>();
        urls.forEach(u -> shownUrls.add(RegistryUrls.display(u)));
        return "RegistryClientConfig[urls=" + shownUrls
                + ", auth="
                + (bearerToken != null
                        ? "bearer"
                        : basicAuthUserInfo != null
                                ? "basic(USER_INFO)"
                                : urls.stream().anyMatch(u -> u.getRawUserInfo() != null) ? "basic(URL)" : "none")
                + ", trustStore=" + trustStore + ", keyStore=" + keyStore
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff + ".." + maxRetryBackoff
                + ", httpHeaders=" + httpHeaders.keySet() + ", proxy=" + proxy
                + ", cacheCapacity=" + cacheCapacity + ", latestCacheSize=" + latestCacheSize
                + ", latestCacheTtl=" + (latestCacheTtl == null ? "none" : latestCacheTtl) + "]";
    }

    /**
     * Builds a {@link RegistryClientConfig}. Each setter checks its value at once and throws
     * {@link RegistryConfigException} naming the setting (and any setting it conflicts with); {@link #build()}
     * checks what needs several settings and loads the TLS stores.
     */
    public static final class Builder {

        private final List<URI> urls = new ArrayList<>();
        private String basicAuthUserInfo;
        private String bearerToken;
        private StoreConfig trustStore;
        private StoreConfig keyStore;
        private String keyPassword;
        private Duration connectTimeout = defaultMillis(HTTP_CONNECT_TIMEOUT_MS);
        private Duration requestTimeout = defaultMillis(HTTP_READ_TIMEOUT_MS);
        private int maxRetries = defaultInt(MAX_RETRIES);
        private Duration retryBackoff = defaultMillis(RETRIES_WAIT_MS);
        private Duration maxRetryBackoff = defaultMillis(RETRIES_MAX_WAIT_MS);
        private final Map<String, String> httpHeaders = new LinkedHashMap<>();
        private InetSocketAddress proxy;
        private int cacheCapacity = defaultInt(MAX_SCHEMAS_PER_SUBJECT);
        private int latestCacheSize = defaultInt(LATEST_CACHE_SIZE);
        private Duration latestCacheTtl;

        private Builder() {}

        /**
         * Sets the registry URLs from Confluent's comma-separated form, e.g.
         * {@code http://reg-1:8081,http://reg-2:8081}; replaces earlier URLs.
         *
         * @param commaSeparated one or more {@code http} or {@code https} URLs; never null
         * @return this builder
         */
        public Builder urls(String commaSeparated) {
            return urls(RegistryUrls.split(commaSeparated));
        }

        /**
         * Sets the registry URLs in failover order; replaces earlier URLs. A URL may carry {@code user:password}
         * user-info, used for basic auth when no other credentials are configured (Confluent's source
         * {@code URL}).
         *
         * @param urls one or more {@code http} or {@code https} URLs; never null
         * @return this builder
         */
        public Builder urls(List<String> urls) {
            List<URI> parsed = RegistryUrls.parse(urls);
            boolean withUserInfo = parsed.stream().anyMatch(u -> u.getRawUserInfo() != null);
            if (withUserInfo && basicAuthUserInfo != null) {
                throw conflict(SCHEMA_REGISTRY_URL, "carries user-info", BASIC_AUTH_USER_INFO);
            }
            if (withUserInfo && bearerToken != null) {
                throw conflict(SCHEMA_REGISTRY_URL, "carries user-info", BEARER_AUTH_TOKEN);
            }
            this.urls.clear();
            this.urls.addAll(parsed);
            return this;
        }

        /**
         * Sets basic-auth credentials (Confluent's source {@code USER_INFO}).
         *
         * @param userInfo {@code user:password}; never null
         * @return this builder
         */
        public Builder basicAuthUserInfo(String userInfo) {
            if (userInfo == null || userInfo.indexOf(':') <= 0) {
                throw new RegistryConfigException(
                        BASIC_AUTH_USER_INFO,
                        BASIC_AUTH_USER_INFO + " must have the form '<user>:<password>' (value hidden)");
            }
            if (bearerToken != null) {
                throw conflict(BASIC_AUTH_USER_INFO, "is set", BEARER_AUTH_TOKEN);
            }
            if (urls.stream().anyMatch(u -> u.getRawUserInfo() != null)) {
                throw conflict(BASIC_AUTH_USER_INFO, "is set", SCHEMA_REGISTRY_URL + " (which carries user-info)");
            }
            this.basicAuthUserInfo = userInfo;
            return this;
        }

        /**
         * Sets a static bearer token (Confluent's source {@code STATIC_TOKEN}).
         *
         * @param token the token; never null or blank
         * @return this builder
         */
        public Builder bearerToken(String token) {
            if (token == null || token.isBlank() || HeaderRules.hasLineBreak(token)) {
                throw new RegistryConfigException(
                        BEARER_AUTH_TOKEN, BEARER_AUTH_TOKEN + " must be a non-blank single-line token (value hidden)");
            }
            if (basicAuthUserInfo != null) {
                throw conflict(BEARER_AUTH_TOKEN, "is set", BASIC_AUTH_USER_INFO);
            }
            if (urls.stream().anyMatch(u -> u.getRawUserInfo() != null)) {
                throw conflict(BEARER_AUTH_TOKEN, "is set", SCHEMA_REGISTRY_URL + " (which carries user-info)");
            }
            this.bearerToken = token;
            return this;
        }

        /**
         * Sets the trust store for {@code https} URLs.
         *
         * @param location the store file; must exist
         * @param password the store password, or null
         * @param type {@code JKS} or {@code PKCS12}, or null for {@code JKS}
         * @return this builder
         */
        public Builder trustStore(Path location, String password, String type) {
            this.trustStore = KeyStores.checkStore(SSL_TRUSTSTORE_LOCATION, location, password, type);
            return this;
        }

        /**
         * Sets the key store holding the client certificate for mutual TLS.
         *
         * @param location the store file; must exist
         * @param password the store password, or null
         * @param type {@code JKS} or {@code PKCS12}, or null for {@code JKS}
         * @return this builder
         */
        public Builder keyStore(Path location, String password, String type) {
            this.keyStore = KeyStores.checkStore(SSL_KEYSTORE_LOCATION, location, password, type);
            return this;
        }

        /**
         * Sets the password of the private key when it differs from the key store password.
         *
         * @param password the key password; never null
         * @return this builder
         */
        public Builder keyPassword(String password) {
            this.keyPassword = Objects.requireNonNull(password, SSL_KEY_PASSWORD);
            return this;
        }

        /**
         * Sets the connect timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(HTTP_CONNECT_TIMEOUT_MS, timeout);
            return this;
        }

        /**
         * Sets how long to wait for the answer to one request ({@code http.read.timeout.ms}).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(HTTP_READ_TIMEOUT_MS, timeout);
            return this;
        }

        /**
         * Sets how often a failed idempotent call is retried (0 disables retries).
         *
         * @param retries 0 to 100
         * @return this builder
         */
        public Builder maxRetries(int retries) {
            if (retries < 0 || retries > 100) {
                throw new RegistryConfigException(MAX_RETRIES, MAX_RETRIES + " is " + retries + "; expected 0 to 100");
            }
            this.maxRetries = retries;
            return this;
        }

        /**
         * Sets the exponential backoff between retries: the first wait, doubled per retry up to the longest;
         * each wait is drawn between half and all of that bound.
         *
         * @param first the first wait; zero or positive
         * @param longest the longest wait; not shorter than {@code first}
         * @return this builder
         */
        public Builder retryBackoff(Duration first, Duration longest) {
            if (first == null || first.isNegative()) {
                throw new RegistryConfigException(
                        RETRIES_WAIT_MS, RETRIES_WAIT_MS + " is " + first + "; expected zero or more milliseconds");
            }
            if (longest == null || longest.compareTo(first) < 0) {
                throw new RegistryConfigException(
                        RETRIES_MAX_WAIT_MS,
                        RETRIES_MAX_WAIT_MS + " is " + longest + ", shorter than " + RETRIES_WAIT_MS + " " + first
                                + "; expected at least as long");
            }
            this.retryBackoff = first;
            this.maxRetryBackoff = longest;
            return this;
        }

        /**
         * Adds an HTTP header sent with every request (Confluent's {@code request.header.<Name>}).
         *
         * @param name the header name; not {@code Authorization} when credentials are configured, nor a header
         *     the HTTP client sets itself ({@code Host}, {@code Content-Length}, ...)
         * @param value the value; a single line
         * @return this builder
         */
        public Builder httpHeader(String name, String value) {
            HeaderRules.check(REQUEST_HEADER_PREFIX + name, name, value);
            if ("authorization".equalsIgnoreCase(name) && (basicAuthUserInfo != null || bearerToken != null)) {
                throw conflict(
                        REQUEST_HEADER_PREFIX + name,
                        "is set",
                        basicAuthUserInfo != null ? BASIC_AUTH_USER_INFO : BEARER_AUTH_TOKEN);
            }
            httpHeaders.put(name, value);
            return this;
        }

        /**
         * Sends requests through an HTTP proxy.
         *
         * @param host the proxy host; never null or blank
         * @param port the proxy port, 1 to 65535
         * @return this builder
         */
        public Builder proxy(String host, int port) {
            if (host == null || host.isBlank() || port < 1 || port > 65535) {
                throw new RegistryConfigException(
                        PROXY_HOST,
                        PROXY_HOST + "/proxy.port is '" + host + "':" + port
                                + "; expected a host name and a port from 1 to 65535");
            }
            this.proxy = InetSocketAddress.createUnresolved(host, port);
            return this;
        }

        /**
         * Sets the capacity of each schema cache (by id, by subject and schema, by subject and version).
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder cacheCapacity(int capacity) {
            this.cacheCapacity = atLeastOne(MAX_SCHEMAS_PER_SUBJECT, capacity);
            return this;
        }

        /**
         * Sets the capacity of the latest-version cache.
         *
         * @param size at least 1
         * @return this builder
         */
        public Builder latestCacheSize(int size) {
            this.latestCacheSize = atLeastOne(LATEST_CACHE_SIZE, size);
            return this;
        }

        /**
         * Sets how long a latest version is cached before it is fetched again.
         *
         * @param ttl zero or positive, or null for no expiry (Confluent's default {@code -1})
         * @return this builder
         */
        public Builder latestCacheTtl(Duration ttl) {
            if (ttl != null && ttl.isNegative()) {
                throw new RegistryConfigException(
                        RegistryClientKeys.LATEST_CACHE_TTL_SEC,
                        RegistryClientKeys.LATEST_CACHE_TTL_SEC + " is " + ttl + "; expected zero or more, or none");
            }
            this.latestCacheTtl = ttl;
            return this;
        }

        /**
         * Checks the settings that depend on each other, loads the TLS stores once to fail early, and builds.
         *
         * @return the configuration; never null
         * @throws RegistryConfigException when no URL is set, a key password has no key store, or a store
         *     cannot be read with its password
         */
        public RegistryClientConfig build() {
            if (urls.isEmpty()) {
                throw new RegistryConfigException(
                        SCHEMA_REGISTRY_URL,
                        SCHEMA_REGISTRY_URL + " is missing; expected one or more comma-separated http(s) URLs");
            }
            if (keyPassword != null && keyStore == null) {
                throw new RegistryConfigException(
                        SSL_KEY_PASSWORD, SSL_KEY_PASSWORD + " is set but " + SSL_KEYSTORE_LOCATION + " is not");
            }
            RegistryClientConfig config = new RegistryClientConfig(this);
            KeyStores.sslContext(config);
            return config;
        }

        private static RegistryConfigException conflict(String key, String what, String other) {
            return new RegistryConfigException(
                    key,
                    key + " " + what + " but conflicts with " + other + ": configure only one source of credentials");
        }

        private static Duration positive(String key, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new RegistryConfigException(key, key + " is " + d + "; expected a positive duration");
            }
            return d;
        }

        private static int atLeastOne(String key, int value) {
            if (value < 1) {
                throw new RegistryConfigException(key, key + " is " + value + "; expected at least 1");
            }
            return value;
        }
    }

    private static Duration defaultMillis(String key) {
        return Duration.ofMillis(RegistryClientSettings.numericDefault(key));
    }

    private static int defaultInt(String key) {
        return (int) RegistryClientSettings.numericDefault(key);
    }
}
