package dev.eventcontracts.client;

/**
 * The configuration keys {@link RegistryClientConfig#fromConfluentProperties} understands: Confluent's names,
 * unchanged, with Confluent's defaults. Keys not listed here are ignored, so a serde or Maven plugin
 * configuration can be passed whole.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 * <tr><td>{@value #SCHEMA_REGISTRY_URL}</td><td>(required)</td><td>comma-separated base URLs; the next is
 *     tried when one cannot be reached or answers 5xx</td></tr>
 * <tr><td>{@value #BASIC_AUTH_CREDENTIALS_SOURCE}</td><td>{@code URL}</td><td>{@code URL} (user-info of each
 *     URL) or {@code USER_INFO} ({@value #BASIC_AUTH_USER_INFO})</td></tr>
 * <tr><td>{@value #BASIC_AUTH_USER_INFO}</td><td></td><td>{@code user:password}; also read from the deprecated
 *     {@value #SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO}</td></tr>
 * <tr><td>{@value #BEARER_AUTH_CREDENTIALS_SOURCE}</td><td></td><td>{@code STATIC_TOKEN} (the only source
 *     supported)</td></tr>
 * <tr><td>{@value #BEARER_AUTH_TOKEN}</td><td></td><td>the token sent as {@code Authorization: Bearer}</td></tr>
 * <tr><td>{@value #SSL_TRUSTSTORE_LOCATION}, {@value #SSL_TRUSTSTORE_PASSWORD},
 *     {@value #SSL_TRUSTSTORE_TYPE}</td><td>type {@code JKS}</td><td>the certificates trusted for
 *     {@code https} URLs (the JDK's when unset)</td></tr>
 * <tr><td>{@value #SSL_KEYSTORE_LOCATION}, {@value #SSL_KEYSTORE_PASSWORD}, {@value #SSL_KEYSTORE_TYPE},
 *     {@value #SSL_KEY_PASSWORD}</td><td>type {@code JKS}</td><td>the client certificate for mutual
 *     TLS</td></tr>
 * <tr><td>{@value #HTTP_CONNECT_TIMEOUT_MS}</td><td>60000</td><td>connect timeout</td></tr>
 * <tr><td>{@value #HTTP_READ_TIMEOUT_MS}</td><td>60000</td><td>time to wait for an answer to one request</td></tr>
 * <tr><td>{@value #MAX_RETRIES}</td><td>3</td><td>retries of a failed idempotent call</td></tr>
 * <tr><td>{@value #RETRIES_WAIT_MS}</td><td>1000</td><td>first backoff, doubled per retry</td></tr>
 * <tr><td>{@value #RETRIES_MAX_WAIT_MS}</td><td>20000</td><td>longest backoff</td></tr>
 * <tr><td>{@value #REQUEST_HEADER_PREFIX}{@code <Name>}</td><td></td><td>an HTTP header sent with every
 *     request</td></tr>
 * <tr><td>{@value #PROXY_HOST}, {@value #PROXY_PORT}</td><td></td><td>an HTTP proxy</td></tr>
 * <tr><td>{@value #MAX_SCHEMAS_PER_SUBJECT}</td><td>1000</td><td>capacity of each schema cache</td></tr>
 * <tr><td>{@value #LATEST_CACHE_SIZE}</td><td>1000</td><td>capacity of the latest-version cache</td></tr>
 * <tr><td>{@value #LATEST_CACHE_TTL_SEC}</td><td>-1</td><td>seconds a latest version is cached; negative means
 *     no expiry</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class RegistryClientKeys {

    /** Comma-separated registry base URLs. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Where basic-auth credentials come from: {@code URL} (default) or {@code USER_INFO}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** Basic-auth credentials as {@code user:password}, for source {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Deprecated spelling of {@link #BASIC_AUTH_USER_INFO}, still read. */
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    /** Where the bearer token comes from: {@code STATIC_TOKEN}. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    /** The static bearer token. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    /** Trust store file. */
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    /** Trust store password. */
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** Trust store type: {@code JKS} (default) or {@code PKCS12}. */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** Key store file (client certificate). */
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    /** Key store password. */
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    /** Key store type: {@code JKS} (default) or {@code PKCS12}. */
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    /** Password of the private key in the key store; the key store password when unset. */
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    /** Host name verification: {@code https} (default); switching it off is not supported. */
    public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM =
            "schema.registry.ssl.endpoint.identification.algorithm";
    /** Connect timeout in milliseconds. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Time to wait for the answer to one request, in milliseconds. */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    /** Retries of a failed idempotent call. */
    public static final String MAX_RETRIES = "max.retries";
    /** First backoff in milliseconds. */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    /** Longest backoff in milliseconds. */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    /** Prefix of keys naming extra HTTP headers: {@code request.header.X-Tenant=acme}. */
    public static final String REQUEST_HEADER_PREFIX = "request.header.";
    /** HTTP proxy host. */
    public static final String PROXY_HOST = "proxy.host";
    /** HTTP proxy port. */
    public static final String PROXY_PORT = "proxy.port";
    /** Capacity of each schema cache. */
    public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";
    /** Capacity of the latest-version cache. */
    public static final String LATEST_CACHE_SIZE = "latest.cache.size";
    /** Seconds a latest version is cached; negative means no expiry. */
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    private RegistryClientKeys() {
    }
}
