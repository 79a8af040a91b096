package dev.eventcontracts.client;

import static dev.eventcontracts.client.RegistryClientKeys.BASIC_AUTH_CREDENTIALS_SOURCE;
import static dev.eventcontracts.client.RegistryClientKeys.BASIC_AUTH_USER_INFO;
import static dev.eventcontracts.client.RegistryClientKeys.BEARER_AUTH_CREDENTIALS_SOURCE;
import static dev.eventcontracts.client.RegistryClientKeys.BEARER_AUTH_TOKEN;
import static dev.eventcontracts.client.RegistryClientKeys.HTTP_CONNECT_TIMEOUT_MS;
import static dev.eventcontracts.client.RegistryClientKeys.HTTP_READ_TIMEOUT_MS;
import static dev.eventcontracts.client.RegistryClientKeys.LATEST_CACHE_SIZE;
import static dev.eventcontracts.client.RegistryClientKeys.LATEST_CACHE_TTL_SEC;
import static dev.eventcontracts.client.RegistryClientKeys.MAX_RETRIES;
import static dev.eventcontracts.client.RegistryClientKeys.MAX_SCHEMAS_PER_SUBJECT;
import static dev.eventcontracts.client.RegistryClientKeys.PROXY_HOST;
import static dev.eventcontracts.client.RegistryClientKeys.PROXY_PORT;
import static dev.eventcontracts.client.RegistryClientKeys.RETRIES_MAX_WAIT_MS;
import static dev.eventcontracts.client.RegistryClientKeys.RETRIES_WAIT_MS;
import static dev.eventcontracts.client.RegistryClientKeys.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO;
import static dev.eventcontracts.client.RegistryClientKeys.SCHEMA_REGISTRY_URL;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_KEYSTORE_LOCATION;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_KEYSTORE_PASSWORD;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_KEYSTORE_TYPE;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_KEY_PASSWORD;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_TRUSTSTORE_LOCATION;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_TRUSTSTORE_PASSWORD;
import static dev.eventcontracts.client.RegistryClientKeys.SSL_TRUSTSTORE_TYPE;

import dev.eventcontracts.client.internal.RegistryUrls;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one declaration of every registry-client setting: its Confluent key, type, default, allowed values,
 * importance and meaning. {@link RegistryClientConfig#fromConfluentProperties} reads settings by it, the
 * builder takes its defaults from it, and the Kafka serde builds its {@code ConfigDef} from it, so that a key,
 * a default or a check is written once.
 *
 * <p>Keys and defaults are Confluent's. Settings Confluent's client knows but this one does not act on (OAuth
 * bearer sources) are declared too, so that a Confluent configuration passes validation; the client then says
 * which value it cannot serve. Extra HTTP headers use the prefix {@value RegistryClientKeys#REQUEST_HEADER_PREFIX}
 * and are not declared one by one.
 *
 * @since 0.1.0
 */
public final class RegistryClientSettings {

    /** The type of a setting's value, as Kafka's {@code ConfigDef.Type} names them. */
    public enum Type {
        /** Text. */
        STRING,
        /** Text that is a secret: never logged or shown. */
        PASSWORD,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A 16-bit integer. */
        SHORT,
        /** A 32-bit integer. */
        INT,
        /** A 64-bit integer. */
        LONG,
        /** A comma-separated list of texts. */
        LIST
    }

    /** How much a user is likely to need a setting, as Kafka's {@code ConfigDef.Importance} grades it. */
    public enum Importance {
        /** Needed by nearly every user. */
        HIGH,
        /** Often needed. */
        MEDIUM,
        /** Rarely needed. */
        LOW
    }

    /**
     * One setting.
     *
     * @param key the Confluent key; never null
     * @param type the value's type; never null
     * @param required whether the setting has no default and must be given
     * @param defaultValue the default, of the type's Java type ({@code String}, {@code Integer}, {@code Long},
     *     {@code Short}, {@code Boolean}, {@code List<String>}); null when none
     * @param validValues the allowed values of a text setting, matched ignoring case; empty when any
     * @param min the smallest allowed number; null when unbounded
     * @param max the largest allowed number; null when unbounded
     * @param importance how much users need it; never null
     * @param doc what it means; never null
     */
    public record Setting(
            String key,
            Type type,
            boolean required,
            Object defaultValue,
            List<String> validValues,
            Long min,
            Long max,
            Importance importance,
            String doc) {

        /** Checks the required parts and copies the valid values. */
        public Setting {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(importance, "importance");
            Objects.requireNonNull(doc, "doc");
            validValues = List.copyOf(validValues);
        }

        /**
         * Checks a given value (as a string, a number, a list or Kafka's {@code Password}).
         *
         * @param value the value; null means not given
         * @throws RegistryConfigException naming the key, the value (unless a secret) and the expectation
         */
        public void check(Object value) {
            if (value == null) {
                if (required) {
                    throw new RegistryConfigException(key, key + " is missing; " + expectation());
                }
                return;
            }
            switch (type) {
                case SHORT, INT, LONG -> checkNumber(value);
                case LIST -> checkList(value);
                case BOOLEAN -> {
                    String text = String.valueOf(value).trim();
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        throw invalid(value, "expected true or false");
                    }
                }
                case STRING -> checkText(String.valueOf(value).trim());
                case PASSWORD -> {
                    // any text: secrets are never quoted, so there is nothing to say about them here
                }
                default -> throw new IllegalStateException("unknown type " + type);
            }
        }

        private void checkNumber(Object value) {
            long number;
            try {
                number = value instanceof Number n
                        ? n.longValue()
                        : Long.parseLong(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw invalid(value, "expected an integer");
            }
            long lowest = type == Type.SHORT ? Short.MIN_VALUE : type == Type.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long highest = type == Type.SHORT ? Short.MAX_VALUE : type == Type.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
            if (number < Math.max(lowest, min == null ? lowest : min)
                    || number > Math.min(highest, max == null ? highest : max)) {
                throw invalid(value, expectation());
            }
        }

        private void checkList(Object value) {
            List<String> items = value instanceof Collection<?> c
                    ? c.stream().map(String::valueOf).collect(Collectors.toList())
                    : RegistryUrls.split(String.valueOf(value));
            if (key.equals(SCHEMA_REGISTRY_URL)) {
                RegistryUrls.parse(items);
            }
        }

        private void checkText(String text) {
            if (!validValues.isEmpty()
                    && !text.isEmpty()
                    && validValues.stream().noneMatch(v -> v.equalsIgnoreCase(text))) {
                throw invalid(text, expectation());
            }
        }

        private RegistryConfigException invalid(Object value, String expected) {
            return new RegistryConfigException(key, key + " is '" + value + "'; " + expected);
        }

        /** Says what the setting accepts, e.g. {@code expected one of URL, USER_INFO, SASL_INHERIT}. */
        public String expectation() {
            if (!validValues.isEmpty()) {
                return "expected one of " + String.join(", ", validValues);
            }
            if (min != null || max != null) {
                return "expected an integer" + (min != null ? " of at least " + min : "")
                        + (min != null && max != null ? " and" : "") + (max != null ? " of at most " + max : "");
            }
            return key.equals(SCHEMA_REGISTRY_URL)
                    ? "expected one or more http:// or https:// URLs"
                    : "expected a " + type.name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<String, Setting> SETTINGS = declare();

    private RegistryClientSettings() {}

    /** Returns every setting, in documentation order; never null. */
    public static List<Setting> all() {
        return List.copyOf(SETTINGS.values());
    }

    /**
     * Returns a setting by key.
     *
     * @param key the Confluent key; never null
     * @return the setting, or empty when the client does not declare the key
     */
    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(SETTINGS.get(key));
    }

    /**
     * Returns the default of a numeric setting.
     *
     * @param key the key of an {@code INT}, {@code SHORT} or {@code LONG} setting; never null
     * @return the default
     * @throws IllegalArgumentException when the key is undeclared or has no numeric default
     */
    public static long numericDefault(String key) {
        Setting setting = find(key).orElseThrow(() -> new IllegalArgumentException("undeclared key " + key));
        if (!(setting.defaultValue() instanceof Number n)) {
            throw new IllegalArgumentException(key + " has no numeric default");
        }
        return n.longValue();
    }

    private static Map<String, Setting> declare() {
        Map<String, Setting> s = new LinkedHashMap<>();
        add(
                s,
                new Setting(
                        SCHEMA_REGISTRY_URL,
                        Type.LIST,
                        true,
                        null,
                        List.of(),
                        null,
                        null,
                        Importance.HIGH,
                        "Comma-separated list of URLs of schema registry instances, e.g. "
                                + "http://registry-1:8081,http://registry-2:8081; the next is tried when one cannot be "
                                + "reached or answers 5xx."));
        add(
                s,
                text(
                        BASIC_AUTH_CREDENTIALS_SOURCE,
                        "URL",
                        List.of("URL", "USER_INFO", "SASL_INHERIT"),
                        Importance.MEDIUM,
                        "Where the Basic-auth credentials come from: URL (user info in the URL) or "
                                + "USER_INFO (basic.auth.user.info). SASL_INHERIT is Confluent's and not supported here."));
        add(
                s,
                secret(
                        BASIC_AUTH_USER_INFO,
                        Importance.MEDIUM,
                        "Basic-auth credentials as {username}:{password}, used with USER_INFO."));
        add(
                s,
                secret(
                        SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                        Importance.LOW,
                        "Deprecated spelling of basic.auth.user.info, still read."));
        add(
                s,
                text(
                        BEARER_AUTH_CREDENTIALS_SOURCE,
                        "STATIC_TOKEN",
                        List.of("STATIC_TOKEN", "OAUTHBEARER", "SASL_OAUTHBEARER_INHERIT", "CUSTOM"),
                        Importance.MEDIUM,
                        "Where the bearer token comes from. Only STATIC_TOKEN (bearer.auth.token) is supported here; "
                                + "the others are Confluent's and fail when the client is created."));
        add(s, secret(BEARER_AUTH_TOKEN, Importance.MEDIUM, "The bearer token, used with STATIC_TOKEN."));
        for (String[] oauth : new String[][] {
            {"bearer.auth.logical.cluster", "Logical cluster id sent with bearer authentication."},
            {"bearer.auth.identity.pool.id", "Identity pool id sent with bearer authentication."},
            {"bearer.auth.issuer.endpoint.url", "URL of the OAuth/OIDC provider, used with OAUTHBEARER."},
            {"bearer.auth.client.id", "OAuth client id, used with OAUTHBEARER."},
            {"bearer.auth.scope", "OAuth scope requested, used with OAUTHBEARER."},
            {"bearer.auth.custom.provider.class", "Class providing the token, used with CUSTOM."}
        }) {
            add(s, text(oauth[0], null, List.of(), Importance.LOW, oauth[1] + " Not supported here."));
        }
        add(
                s,
                secret(
                        "bearer.auth.client.secret",
                        Importance.LOW,
                        "OAuth client secret, used with OAUTHBEARER. Not supported here."));
        add(
                s,
                text(
                        "bearer.auth.scope.claim.name",
                        "scope",
                        List.of(),
                        Importance.LOW,
                        "Name of the scope claim in the token. Not supported here."));
        add(
                s,
                text(
                        "bearer.auth.sub.claim.name",
                        "sub",
                        List.of(),
                        Importance.LOW,
                        "Name of the subject claim in the token. Not supported here."));
        add(
                s,
                new Setting(
                        "bearer.auth.cache.expiry.buffer.seconds",
                        Type.SHORT,
                        false,
                        (short) 300,
                        List.of(),
                        0L,
                        3600L,
                        Importance.LOW,
                        "Seconds before a token expires at which a new one is fetched. " + "Not supported here."));
        add(
                s,
                text(
                        SSL_TRUSTSTORE_LOCATION,
                        null,
                        List.of(),
                        Importance.MEDIUM,
                        "Trust store with the certificates trusted for https URLs; the JDK's when unset."));
        add(s, secret(SSL_TRUSTSTORE_PASSWORD, Importance.MEDIUM, "Password of the trust store."));
        add(s, text(SSL_TRUSTSTORE_TYPE, "JKS", List.of("JKS", "PKCS12"), Importance.LOW, "Type of the trust store."));
        add(
                s,
                text(
                        SSL_KEYSTORE_LOCATION,
                        null,
                        List.of(),
                        Importance.MEDIUM,
                        "Key store with the client certificate, for mutual TLS."));
        add(s, secret(SSL_KEYSTORE_PASSWORD, Importance.MEDIUM, "Password of the key store."));
        add(s, text(SSL_KEYSTORE_TYPE, "JKS", List.of("JKS", "PKCS12"), Importance.LOW, "Type of the key store."));
        add(
                s,
                secret(
                        SSL_KEY_PASSWORD,
                        Importance.MEDIUM,
                        "Password of the private key in the key store; the key store's password when unset."));
        add(
                s,
                text(
                        SSL_ENDPOINT_IDENTIFICATION_ALGORITHM,
                        "https",
                        List.of("https"),
                        Importance.LOW,
                        "Host name verification of the registry's certificate; only https (on) is supported."));
        add(s, integer(HTTP_CONNECT_TIMEOUT_MS, 60_000, 1L, "Connect timeout in milliseconds."));
        add(
                s,
                integer(
                        HTTP_READ_TIMEOUT_MS,
                        60_000,
                        1L,
                        "Time to wait for the answer to one request, in milliseconds."));
        add(s, integer(MAX_RETRIES, 3, 0L, "Retries of a failed idempotent call."));
        add(s, integer(RETRIES_WAIT_MS, 1_000, 0L, "First backoff in milliseconds, doubled per retry."));
        add(s, integer(RETRIES_MAX_WAIT_MS, 20_000, 0L, "Longest backoff in milliseconds."));
        add(
                s,
                text(
                        PROXY_HOST,
                        null,
                        List.of(),
                        Importance.LOW,
                        "Host of an HTTP proxy; used only with a positive proxy.port."));
        add(s, integer(PROXY_PORT, -1, null, "Port of an HTTP proxy; -1 means no proxy."));
        add(s, integer(MAX_SCHEMAS_PER_SUBJECT, 1_000, 1L, "Capacity of each schema cache."));
        add(s, integer(LATEST_CACHE_SIZE, 1_000, 1L, "Capacity of the latest-version cache."));
        add(
                s,
                new Setting(
                        LATEST_CACHE_TTL_SEC,
                        Type.LONG,
                        false,
                        -1L,
                        List.of(),
                        -1L,
                        null,
                        Importance.LOW,
                        "How long the latest version of a subject is cached, in seconds; -1 caches forever."));
        return s;
    }

    private static void add(Map<String, Setting> settings, Setting setting) {
        if (settings.put(setting.key(), setting) != null) {
            throw new IllegalStateException("setting " + setting.key() + " declared twice");
        }
    }

    private static Setting text(
            String key, String defaultValue, List<String> valid, Importance importance, String doc) {
        return new Setting(key, Type.STRING, false, defaultValue, valid, null, null, importance, doc);
    }

    private static Setting secret(String key, Importance importance, String doc) {
        return new Setting(key, Type.PASSWORD, false, null, List.of(), null, null, importance, doc);
    }

    private static Setting integer(String key, int defaultValue, Long min, String doc) {
        return new Setting(key, Type.INT, false, defaultValue, List.of(), min, null, Importance.LOW, doc);
    }
}
