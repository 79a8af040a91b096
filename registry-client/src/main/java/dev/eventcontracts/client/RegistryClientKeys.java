package dev.eventcontracts.client;

/**
 * The names of the registry client's settings: Confluent's keys, unchanged. Each is declared once, with its type,
 * default, check and meaning, in {@link RegistryClientSettings}; keys not declared there are ignored, so a serde or
 * Maven plugin configuration can be passed whole.
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

    private RegistryClientKeys() {}
}
