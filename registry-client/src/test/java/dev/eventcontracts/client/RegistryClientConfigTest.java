package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder checks each setting at once and names conflicts; Confluent-named properties map with Confluent's semantics. */
class RegistryClientConfigTest {

    private static final String URL = "http://registry:8081";

    private static void failsOn(String key, ThrowingCallable call, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegistryConfigException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.getMessage()).contains(messageParts);
        });
    }

    private static RegistryClientConfig fromProps(Object... keyValues) {
        Map<String, Object> props = new HashMap<>();
        props.put("schema.registry.url", URL);
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        return RegistryClientConfig.fromConfluentProperties(props);
    }

    @Test
    void urls_commaSeparated_areTrimmedKeptInOrder_andLoseTrailingSlash() {
        RegistryClientConfig config = RegistryClientConfig.builder()
                .urls(" http://a:8081/ ,, https://b:8082/apis/ccompat/v7/")
                .build();

        assertThat(config.urls())
                .containsExactly(URI.create("http://a:8081"), URI.create("https://b:8082/apis/ccompat/v7"));
    }

    @Test
    void url_withOtherScheme_failsNamingKeyAndValue() {
        failsOn(
                "schema.registry.url",
                () -> RegistryClientConfig.builder().urls("ftp://registry:21"),
                "'ftp://registry:21'",
                "expected an http:// or https:// URL");
    }

    @Test
    void url_withMalformedUserInfo_failsWithoutShowingIt() {
        assertThatThrownBy(() -> RegistryClientConfig.builder().urls("http://onlyuser@registry:8081"))
                .hasMessageContaining("http://***@registry:8081")
                .hasMessageNotContaining("onlyuser");
    }

    @Test
    void build_withoutUrl_failsNamingKey() {
        failsOn("schema.registry.url", () -> RegistryClientConfig.builder().build(), "missing");
    }

    @Test
    void bearerToken_afterUserInfo_conflictsNamingBoth() {
        failsOn(
                "bearer.auth.token",
                () -> RegistryClientConfig.builder()
                        .urls(URL)
                        .basicAuthUserInfo("u:p")
                        .bearerToken("t"),
                "conflicts with basic.auth.user.info");
    }

    @Test
    void userInfo_afterUrlWithUserInfo_conflictsNamingBoth() {
        failsOn(
                "basic.auth.user.info",
                () -> RegistryClientConfig.builder()
                        .urls("http://a:b@registry:8081")
                        .basicAuthUserInfo("u:p"),
                "conflicts with schema.registry.url");
    }

    @Test
    void urlWithUserInfo_afterBearerToken_conflictsNamingBoth() {
        failsOn(
                "schema.registry.url",
                () -> RegistryClientConfig.builder().bearerToken("t").urls("http://a:b@registry:8081"),
                "conflicts with bearer.auth.token");
    }

    @Test
    void userInfo_withoutColon_isRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> RegistryClientConfig.builder().basicAuthUserInfo("justatoken123"))
                .isInstanceOf(RegistryConfigException.class)
                .hasMessageNotContaining("justatoken123");
    }

    @Test
    void retryBackoff_longestShorterThanFirst_failsNamingBothKeys() {
        failsOn(
                "retries.max.wait.ms",
                () -> RegistryClientConfig.builder().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                "retries.wait.ms");
    }

    @Test
    void headers_spanningLines_orSetByTheHttpClient_orClashingWithCredentials_areRejected() {
        failsOn(
                "request.header.X-A",
                () -> RegistryClientConfig.builder().httpHeader("X-A", "a\r\nEvil: 1"),
                "single line");
        failsOn(
                "request.header.Host",
                () -> RegistryClientConfig.builder().httpHeader("Host", "x"),
                "set by the HTTP client");
        failsOn(
                "request.header.Authorization",
                () -> RegistryClientConfig.builder().bearerToken("t").httpHeader("Authorization", "Basic x"),
                "conflicts with bearer.auth.token");
    }

    @Test
    void keyPassword_withoutKeyStore_failsAtBuildNamingBothKeys() {
        failsOn(
                "schema.registry.ssl.key.password",
                () -> RegistryClientConfig.builder().urls(URL).keyPassword("pw").build(),
                "schema.registry.ssl.keystore.location");
    }

    @Test
    void stores_missingFileOrUnknownType_failNamingTheirKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("store.jks"), "x");
        failsOn(
                "schema.registry.ssl.truststore.location",
                () -> RegistryClientConfig.builder().trustStore(dir.resolve("nope.jks"), null, null),
                "nope.jks");
        failsOn(
                "schema.registry.ssl.keystore.type",
                () -> RegistryClientConfig.builder().keyStore(file, "pw", "PEM"),
                "'PEM'",
                "JKS or PKCS12");
    }

    @Test
    void properties_withOnlyUrl_useConfluentDefaults() {
        RegistryClientConfig config = fromProps();

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.maxRetryBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.cacheCapacity()).isEqualTo(1000);
        assertThat(config.latestCacheSize()).isEqualTo(1000);
        assertThat(config.latestCacheTtl()).isEmpty();
        assertThat(config.basicAuthUserInfo()).isEmpty();
        assertThat(config.bearerToken()).isEmpty();
    }

    @Test
    void properties_mapEveryKnownKey_acceptStringsAndNumbers_andIgnoreUnknownKeys() {
        RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(Map.ofEntries(
                Map.entry("schema.registry.url", List.of("http://a:1", "http://b:2")),
                Map.entry("http.connect.timeout.ms", "1500"),
                Map.entry("http.read.timeout.ms", 2500),
                Map.entry("max.retries", 5),
                Map.entry("retries.wait.ms", "10"),
                Map.entry("retries.max.wait.ms", 40L),
                Map.entry("max.schemas.per.subject", 50),
                Map.entry("latest.cache.size", "7"),
                Map.entry("latest.cache.ttl.sec", 30),
                Map.entry("proxy.host", "proxy"),
                Map.entry("proxy.port", 3128),
                Map.entry("request.header.X-Tenant", "acme"),
                Map.entry("auto.register.schemas", false),
                Map.entry("value.subject.name.strategy", Object.class),
                Map.entry("bootstrap.servers", "k:9092")));

        assertThat(config.urls()).containsExactly(URI.create("http://a:1"), URI.create("http://b:2"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.maxRetries()).isEqualTo(5);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.maxRetryBackoff()).isEqualTo(Duration.ofMillis(40));
        assertThat(config.cacheCapacity()).isEqualTo(50);
        assertThat(config.latestCacheSize()).isEqualTo(7);
        assertThat(config.latestCacheTtl()).contains(Duration.ofSeconds(30));
        assertThat(config.proxy())
                .hasValueSatisfying(p -> assertThat(p.getHostString()).isEqualTo("proxy"));
        assertThat(config.httpHeaders()).containsExactly(Map.entry("X-Tenant", "acme"));
    }

    @Test
    void latestCacheTtl_negativeMeansNoExpiry_zeroMeansNoCaching() {
        assertThat(fromProps("latest.cache.ttl.sec", -1).latestCacheTtl()).isEmpty();
        assertThat(fromProps("latest.cache.ttl.sec", "0").latestCacheTtl()).contains(Duration.ZERO);
    }

    @Test
    void properties_withBasicAndBearerSources_failLikeConfluent() {
        failsOn(
                "bearer.auth.credentials.source",
                () -> fromProps(
                        "basic.auth.credentials.source",
                        "USER_INFO",
                        "basic.auth.user.info",
                        "u:p",
                        "bearer.auth.credentials.source",
                        "STATIC_TOKEN",
                        "bearer.auth.token",
                        "t"),
                "Only one of 'basic.auth.credentials.source' and");
    }

    @Test
    void properties_withUnsupportedSources_failNamingKeyAndValue() {
        failsOn(
                "basic.auth.credentials.source",
                () -> fromProps("basic.auth.credentials.source", "SASL_INHERIT"),
                "'SASL_INHERIT'",
                "URL or USER_INFO");
        failsOn(
                "bearer.auth.credentials.source",
                () -> fromProps("bearer.auth.credentials.source", "OAUTHBEARER"),
                "'OAUTHBEARER'",
                "STATIC_TOKEN");
    }

    @Test
    void properties_userInfoSourceWithoutUserInfo_failNamingTheMissingKey() {
        failsOn("basic.auth.user.info", () -> fromProps("basic.auth.credentials.source", "USER_INFO"), "missing");
        failsOn("bearer.auth.token", () -> fromProps("bearer.auth.credentials.source", "STATIC_TOKEN"), "missing");
    }

    @Test
    void properties_readDeprecatedUserInfoKey_andKafkaPasswordObjects() {
        assertThat(fromProps(
                                "basic.auth.credentials.source",
                                "USER_INFO",
                                "schema.registry.basic.auth.user.info",
                                "old:key")
                        .basicAuthUserInfo())
                .contains("old:key");
        assertThat(fromProps(
                                "basic.auth.credentials.source",
                                "USER_INFO",
                                "basic.auth.user.info",
                                new PasswordLike("u:secret"))
                        .basicAuthUserInfo())
                .contains("u:secret");
    }

    @Test
    void properties_malformedNumber_failNamingKeyAndValue() {
        failsOn("max.retries", () -> fromProps("max.retries", "three"), "'three'", "expected an integer");
        failsOn("max.retries", () -> fromProps("max.retries", 101), "expected 0 to 100");
    }

    @Test
    void properties_switchingOffHostNameVerification_isRejected() {
        failsOn(
                "schema.registry.ssl.endpoint.identification.algorithm",
                () -> fromProps("schema.registry.ssl.endpoint.identification.algorithm", ""),
                "only 'https'");
    }

    @Test
    void toString_hidesEverySecret() {
        RegistryClientConfig config = RegistryClientConfig.builder()
                .urls(URL)
                .basicAuthUserInfo("user:hunter2")
                .httpHeader("X-Api-Key", "key-value-9")
                .build();

        assertThat(config.toString())
                .doesNotContain("hunter2", "key-value-9")
                .contains("basic(USER_INFO)", "X-Api-Key");
    }

    /** Stands in for Kafka's {@code Password}, whose {@code toString()} hides the value. */
    public static final class PasswordLike {
        private final String value;

        PasswordLike(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        @Override
        public String toString() {
            return "[hidden]";
        }
    }
}
