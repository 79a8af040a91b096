package dev.eventcontracts.client.internal;

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
import static dev.eventcontracts.client.RegistryClientKeys.REQUEST_HEADER_PREFIX;
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

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.RegistryClientSettings;
import dev.eventcontracts.client.RegistryConfigException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads Confluent-named client properties into a {@link RegistryClientConfig.Builder}, each checked against its
 * declaration in {@link RegistryClientSettings}, with Confluent's semantics: basic-auth source {@code URL} by default, {@code USER_INFO} from {@code basic.auth.user.info},
 * a static bearer token, and an error when both a basic and a bearer source are given.
 *
 * <p>Values may be strings or Java values; secrets may also be Kafka's {@code Password} objects (read through
 * their {@code value()} method, so this module needs no Kafka jar).
 */
public final class ConfluentProperties {

    private ConfluentProperties() {}

    /**
     * Applies the properties to a builder.
     *
     * @param props the properties; unknown keys are ignored
     * @param builder the builder to fill
     * @return the builder
     * @throws RegistryConfigException naming the key of a missing, malformed or unsupported value
     */
    public static RegistryClientConfig.Builder apply(Map<String, ?> props, RegistryClientConfig.Builder builder) {
        for (RegistryClientSettings.Setting setting : RegistryClientSettings.all()) {
            setting.check(props.get(setting.key()));
        }
        Object urls = props.get(SCHEMA_REGISTRY_URL);
        if (urls instanceof Collection<?> list) {
            builder.urls(list.stream().map(String::valueOf).collect(Collectors.toList()));
        } else {
            builder.urls(RegistryUrls.split(text(props, SCHEMA_REGISTRY_URL)));
        }
        applyAuth(props, builder);
        applyTls(props, builder);
        applyHttp(props, builder);
        Integer capacity = integer(props, MAX_SCHEMAS_PER_SUBJECT);
        if (capacity != null) {
            builder.cacheCapacity(capacity);
        }
        Integer latestSize = integer(props, LATEST_CACHE_SIZE);
        if (latestSize != null) {
            builder.latestCacheSize(latestSize);
        }
        Long ttl = longValue(props, LATEST_CACHE_TTL_SEC);
        if (ttl != null) {
            // Confluent caches latest versions without expiry for any negative TTL, -1 being the default
            builder.latestCacheTtl(ttl < 0 ? null : Duration.ofSeconds(ttl));
        }
        return builder;
    }

    private static void applyAuth(Map<String, ?> props, RegistryClientConfig.Builder builder) {
        String basicSource = text(props, BASIC_AUTH_CREDENTIALS_SOURCE);
        String bearerSource = text(props, BEARER_AUTH_CREDENTIALS_SOURCE);
        if (notEmpty(basicSource) && notEmpty(bearerSource)) {
            throw new RegistryConfigException(
                    BEARER_AUTH_CREDENTIALS_SOURCE,
                    "Only one of '"
                            + BASIC_AUTH_CREDENTIALS_SOURCE + "' and '" + BEARER_AUTH_CREDENTIALS_SOURCE
                            + "' may be specified");
        }
        if (notEmpty(bearerSource)) {
            if (!bearerSource.equalsIgnoreCase("STATIC_TOKEN")) {
                throw unsupported(BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource, "STATIC_TOKEN");
            }
            String token = secret(props, BEARER_AUTH_TOKEN);
            if (token == null || token.isEmpty()) {
                throw new RegistryConfigException(
                        BEARER_AUTH_TOKEN,
                        BEARER_AUTH_TOKEN + " is missing; " + BEARER_AUTH_CREDENTIALS_SOURCE
                                + "=STATIC_TOKEN needs it");
            }
            builder.bearerToken(token);
            return;
        }
        String source = notEmpty(basicSource) ? basicSource.toUpperCase(Locale.ROOT) : "URL";
        switch (source) {
            case "URL" -> {
                // credentials, if any, come from the user-info of each URL
            }
            case "USER_INFO" -> {
                String userInfo = secret(props, BASIC_AUTH_USER_INFO);
                if (userInfo == null || userInfo.isEmpty()) {
                    userInfo = secret(props, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO);
                }
                if (userInfo == null || userInfo.isEmpty()) {
                    throw new RegistryConfigException(
                            BASIC_AUTH_USER_INFO,
                            BASIC_AUTH_USER_INFO + " is missing; " + BASIC_AUTH_CREDENTIALS_SOURCE
                                    + "=USER_INFO needs '<user>:<password>'");
                }
                builder.basicAuthUserInfo(userInfo);
            }
            default -> throw unsupported(BASIC_AUTH_CREDENTIALS_SOURCE, basicSource, "URL or USER_INFO");
        }
    }

    private static void applyTls(Map<String, ?> props, RegistryClientConfig.Builder builder) {
        String trustLocation = text(props, SSL_TRUSTSTORE_LOCATION);
        if (notEmpty(trustLocation)) {
            builder.trustStore(
                    Path.of(trustLocation), secret(props, SSL_TRUSTSTORE_PASSWORD), text(props, SSL_TRUSTSTORE_TYPE));
        }
        String keyLocation = text(props, SSL_KEYSTORE_LOCATION);
        if (notEmpty(keyLocation)) {
            builder.keyStore(
                    Path.of(keyLocation), secret(props, SSL_KEYSTORE_PASSWORD), text(props, SSL_KEYSTORE_TYPE));
        }
        String keyPassword = secret(props, SSL_KEY_PASSWORD);
        if (notEmpty(keyPassword)) {
            builder.keyPassword(keyPassword);
        }
        String algorithm = text(props, SSL_ENDPOINT_IDENTIFICATION_ALGORITHM);
        if (algorithm != null && !algorithm.equalsIgnoreCase("https")) {
            throw new RegistryConfigException(
                    SSL_ENDPOINT_IDENTIFICATION_ALGORITHM,
                    SSL_ENDPOINT_IDENTIFICATION_ALGORITHM + " is '" + algorithm + "'; only 'https' (host name"
                            + " verification) is supported: give the registry's certificate a subjectAltName"
                            + " for its host instead of switching verification off");
        }
    }

    private static void applyHttp(Map<String, ?> props, RegistryClientConfig.Builder builder) {
        Integer connect = integer(props, HTTP_CONNECT_TIMEOUT_MS);
        if (connect != null) {
            builder.connectTimeout(Duration.ofMillis(connect));
        }
        Integer read = integer(props, HTTP_READ_TIMEOUT_MS);
        if (read != null) {
            builder.requestTimeout(Duration.ofMillis(read));
        }
        Integer retries = integer(props, MAX_RETRIES);
        if (retries != null) {
            builder.maxRetries(retries);
        }
        Integer wait = integer(props, RETRIES_WAIT_MS);
        Integer maxWait = integer(props, RETRIES_MAX_WAIT_MS);
        if (wait != null || maxWait != null) {
            long first = wait == null ? RegistryClientSettings.numericDefault(RETRIES_WAIT_MS) : wait;
            long longest = maxWait == null
                    ? Math.max(RegistryClientSettings.numericDefault(RETRIES_MAX_WAIT_MS), first)
                    : maxWait;
            builder.retryBackoff(Duration.ofMillis(first), Duration.ofMillis(longest));
        }
        for (Map.Entry<String, ?> e : props.entrySet()) {
            if (e.getKey().startsWith(REQUEST_HEADER_PREFIX)) {
                builder.httpHeader(
                        e.getKey().substring(REQUEST_HEADER_PREFIX.length()),
                        e.getValue() == null ? null : String.valueOf(e.getValue()));
            }
        }
        String proxyHost = text(props, PROXY_HOST);
        Integer proxyPort = integer(props, PROXY_PORT);
        // like Confluent: a proxy is used only when both host and a positive port are given
        if (notEmpty(proxyHost) && proxyPort != null && proxyPort > 0) {
            builder.proxy(proxyHost, proxyPort);
        }
    }

    private static RegistryConfigException unsupported(String key, String value, String expected) {
        return new RegistryConfigException(
                key, key + " is '" + value + "', which this client does not support;" + " expected " + expected);
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static String text(Map<String, ?> props, String key) {
        Object v = props.get(key);
        return v == null ? null : String.valueOf(v).trim();
    }

    /** Reads a secret, unwrapping Kafka's {@code Password}, whose {@code toString()} hides the value. */
    private static String secret(Map<String, ?> props, String key) {
        Object v = props.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        try {
            Method value = v.getClass().getMethod("value");
            Object unwrapped = value.invoke(v);
            if (unwrapped instanceof String s) {
                return s;
            }
        } catch (ReflectiveOperationException e) {
            // not a Password-like holder: fall through to the error below
        }
        throw new RegistryConfigException(
                key,
                key + " has a value of type " + v.getClass().getName() + "; expected a String or a Kafka Password");
    }

    private static Integer integer(Map<String, ?> props, String key) {
        Long value = longValue(props, key);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new RegistryConfigException(key, key + " is " + value + "; expected a 32-bit integer");
        }
        return value.intValue();
    }

    private static Long longValue(Map<String, ?> props, String key) {
        Object v = props.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new RegistryConfigException(key, key + " is '" + v + "'; expected an integer");
        }
    }
}
