package dev.eventcontracts.server;

import dev.eventcontracts.server.internal.store.kafka.KafkaStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of a registry server, under Confluent Schema Registry's names where Confluent has the setting
 * ({@code listeners}, {@code host.name}, {@code kafkastore.*}, {@code schema.compatibility.level}, {@code ssl.*},
 * {@code authentication.method}…). Every key is declared once, in {@link #definition()}; the store's keys come
 * from the store's own declaration.
 *
 * <p>Sources, later ones winning: the defaults, a properties file, environment variables
 * {@code SCHEMA_REGISTRY_<KEY>} (Confluent's image convention: {@code _} for {@code .}, {@code __} for
 * {@code _}, {@code ___} for {@code -}), explicit values.
 *
 * <p>An empty {@code kafkastore.bootstrap.servers} runs the registry on an in-memory store: one instance, state
 * lost on exit; for development and tests only.
 *
 * @since 0.1.0
 */
public final class RegistryServerConfig {

    /** Listeners, comma-separated, e.g. {@code http://0.0.0.0:8081,https://0.0.0.0:8443}; port 0 = random. */
    public static final String LISTENERS = "listeners";
    /** Host name other instances reach this one at (forwarded writes). */
    public static final String HOST_NAME = "host.name";
    /** Protocol other instances reach this one with: {@code http} or {@code https}. */
    public static final String INTER_INSTANCE_PROTOCOL = "inter.instance.protocol";
    /** Compatibility level used when neither the subject nor the global config sets one. */
    public static final String COMPATIBILITY_LEVEL = "schema.compatibility.level";
    /** Whether clients may change modes. */
    public static final String MODE_MUTABILITY = "mode.mutability";
    /** {@code NONE} or {@code BASIC}. */
    public static final String AUTHENTICATION_METHOD = "authentication.method";
    /** Realm of the basic-auth challenge. */
    public static final String AUTHENTICATION_REALM = "authentication.realm";
    /** A users file in Jetty's PropertyUserStore format: {@code user: password,role}. */
    public static final String AUTHENTICATION_USERS_FILE = "authentication.users.file";
    /** Users inline: {@code user:password:role;…} (e.g. from a secret in the environment). */
    public static final String AUTHENTICATION_USERS = "authentication.users";
    /** Keystore of the https listeners. */
    public static final String SSL_KEYSTORE_LOCATION = "ssl.keystore.location";
    /** Keystore password. */
    public static final String SSL_KEYSTORE_PASSWORD = "ssl.keystore.password";
    /** Keystore type. */
    public static final String SSL_KEYSTORE_TYPE = "ssl.keystore.type";
    /** Key password (defaults to the keystore password). */
    public static final String SSL_KEY_PASSWORD = "ssl.key.password";
    /** Truststore for client certificates. */
    public static final String SSL_TRUSTSTORE_LOCATION = "ssl.truststore.location";
    /** Truststore password. */
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    /** {@code NONE}, {@code REQUESTED} or {@code REQUIRED}. */
    public static final String SSL_CLIENT_AUTHENTICATION = "ssl.client.authentication";
    /** Longest schema text accepted, in bytes. */
    public static final String SCHEMA_MAX_BYTES = "schema.max.bytes";
    /** Largest request body accepted, in bytes. */
    public static final String REQUEST_MAX_BYTES = "request.max.bytes";
    /** How many parsed request schemas to cache. */
    public static final String SCHEMA_CACHE_SIZE = "schema.cache.size";
    /** Page size of {@code GET /subjects} when none is asked. */
    public static final String SUBJECT_SEARCH_DEFAULT_LIMIT = "subject.search.default.limit";
    /** Largest page size of {@code GET /subjects}. */
    public static final String SUBJECT_SEARCH_MAX_LIMIT = "subject.search.max.limit";
    /** Page size of {@code GET /subjects/{s}/versions} when none is asked. */
    public static final String SUBJECT_VERSION_SEARCH_DEFAULT_LIMIT = "subject.version.search.default.limit";
    /** Largest page size of {@code GET /subjects/{s}/versions}. */
    public static final String SUBJECT_VERSION_SEARCH_MAX_LIMIT = "subject.version.search.max.limit";
    /** Page size of {@code GET /schemas} and the other schema lists when none is asked. */
    public static final String SCHEMA_SEARCH_DEFAULT_LIMIT = "schema.search.default.limit";
    /** Largest page size of {@code GET /schemas} and the other schema lists. */
    public static final String SCHEMA_SEARCH_MAX_LIMIT = "schema.search.max.limit";
    /** How long in-flight requests may finish on shutdown. */
    public static final String SHUTDOWN_GRACEFUL_MS = "shutdown.graceful.ms";
    /** The most request body bytes held in memory at once beyond each body's first 32 KiB. */
    public static final String REQUEST_MEMORY_MAX_BYTES = "request.memory.max.bytes";
    /** How long a connection, or a request body, may go without a byte (Confluent's key). */
    public static final String IDLE_TIMEOUT_MS = "idle.timeout.ms";
    /** How long a client may take to send a request's headers. */
    public static final String REQUEST_HEADER_TIMEOUT_MS = "request.header.timeout.ms";
    /** The slowest a request body may arrive, in bytes per second (Jetty's {@code minRequestDataRate}). */
    public static final String REQUEST_MIN_DATA_RATE = "request.min.data.rate";
    /** The largest request line and headers, in bytes (Confluent's key). */
    public static final String MAX_REQUEST_HEADER_SIZE = "max.request.header.size";
    /** The most connections open at once; 0 for no limit (Confluent's key). */
    public static final String SERVER_CONNECTION_LIMIT = "server.connection.limit";
    /** The most threads serving requests (Confluent's key). */
    public static final String THREAD_POOL_MAX = "thread.pool.max";
    /** How long a write waits for a writer that is unknown, unreachable or taking over. */
    public static final String LEADER_WAIT_TIMEOUT_MS = "leader.wait.timeout.ms";

    /** The environment variable prefix. */
    public static final String ENV_PREFIX = "SCHEMA_REGISTRY_";

    private static final ConfigDef DEFINITION = define(KafkaStoreConfig.define(new ConfigDef()));

    private final AbstractConfig values;

    private RegistryServerConfig(Map<String, ?> props) {
        Map<String, Object> withStoreDefault = new HashMap<>(props);
        withStoreDefault.putIfAbsent(KafkaStoreConfig.BOOTSTRAP_SERVERS, "");
        this.values = new AbstractConfig(DEFINITION, withStoreDefault, false);
        if (getString(AUTHENTICATION_METHOD).equals("BASIC")
                && getString(AUTHENTICATION_USERS_FILE).isBlank()
                && values.getPassword(AUTHENTICATION_USERS) == null) {
            throw new ConfigException(
                    AUTHENTICATION_METHOD,
                    "BASIC",
                    "needs users: set " + AUTHENTICATION_USERS_FILE + " or " + AUTHENTICATION_USERS);
        }
        if (listeners().stream().anyMatch(l -> l.startsWith("https"))
                && getString(SSL_KEYSTORE_LOCATION).isBlank()) {
            throw new ConfigException(SSL_KEYSTORE_LOCATION, "", "an https listener needs a keystore");
        }
    }

    /** Every key of the server with its type, default, validator and documentation. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /**
     * Settings from explicit values only (defaults for the rest).
     *
     * @param props the settings; never null
     * @throws ConfigException naming the key, value and expectation when a setting is invalid
     */
    public static RegistryServerConfig of(Map<String, ?> props) {
        return new RegistryServerConfig(Objects.requireNonNull(props, "props"));
    }

    /**
     * Settings from a properties file, the environment and explicit values, later ones winning.
     *
     * @param file a properties file, or null
     * @param environment the environment ({@code System.getenv()}); never null
     * @param overrides explicit values; never null
     */
    public static RegistryServerConfig load(Path file, Map<String, String> environment, Map<String, ?> overrides) {
        Map<String, Object> props = new HashMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the configuration file " + file, e);
            }
            properties
                    .stringPropertyNames()
                    .forEach(k -> props.put(k, properties.getProperty(k).trim()));
        }
        props.putAll(fromEnvironment(environment));
        props.putAll(overrides);
        return new RegistryServerConfig(props);
    }

    /** The settings named by {@code SCHEMA_REGISTRY_*} variables. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> props = new HashMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getKey().startsWith(ENV_PREFIX) && e.getKey().length() > ENV_PREFIX.length()) {
                String key = e.getKey()
                        .substring(ENV_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace("___", "\u0000")
                        .replace("__", "\u0001")
                        .replace('_', '.')
                        .replace('\u0000', '-')
                        .replace('\u0001', '_');
                props.put(key, e.getValue());
            }
        }
        return props;
    }

    private static ConfigDef define(ConfigDef def) {
        return def.define(
                        LISTENERS,
                        Type.LIST,
                        "http://0.0.0.0:8081",
                        Importance.HIGH,
                        "Listeners, comma-separated: http://host:port or https://host:port (port 0 = random).")
                .define(
                        HOST_NAME,
                        Type.STRING,
                        "",
                        Importance.HIGH,
                        "Host name other instances reach this one at; empty = the listener's host, or this "
                                + "machine's name when the listener binds every interface.")
                .define(
                        INTER_INSTANCE_PROTOCOL,
                        Type.STRING,
                        "http",
                        ValidString.in("http", "https"),
                        Importance.MEDIUM,
                        "Protocol other instances use to forward writes to this one.")
                .define(
                        COMPATIBILITY_LEVEL,
                        Type.STRING,
                        "backward",
                        ConfigDef.CaseInsensitiveValidString.in(
                                "none",
                                "backward",
                                "backward_transitive",
                                "forward",
                                "forward_transitive",
                                "full",
                                "full_transitive"),
                        Importance.HIGH,
                        "Compatibility level when neither the subject nor the global config sets one.")
                .define(MODE_MUTABILITY, Type.BOOLEAN, true, Importance.LOW, "Whether clients may change modes.")
                .define(
                        AUTHENTICATION_METHOD,
                        Type.STRING,
                        "NONE",
                        ValidString.in("NONE", "BASIC"),
                        Importance.HIGH,
                        "NONE, or BASIC for HTTP basic authentication with roles.")
                .define(
                        AUTHENTICATION_REALM,
                        Type.STRING,
                        "SchemaRegistry",
                        Importance.LOW,
                        "Realm of the basic-auth challenge.")
                .define(
                        AUTHENTICATION_USERS_FILE,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Users file, one 'user: password,role' per line (role: read-only, read-write, admin; "
                                + "password plain or sha256:<hex>).")
                .define(
                        AUTHENTICATION_USERS,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "Users inline, 'user:password:role' separated by ';' (e.g. from a secret).")
                .define(SSL_KEYSTORE_LOCATION, Type.STRING, "", Importance.HIGH, "Keystore of https listeners.")
                .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.HIGH, "Keystore password.")
                .define(
                        SSL_KEYSTORE_TYPE,
                        Type.STRING,
                        "PKCS12",
                        ValidString.in("PKCS12", "JKS"),
                        Importance.MEDIUM,
                        "Keystore type.")
                .define(
                        SSL_KEY_PASSWORD,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "Key password; the keystore password when unset.")
                .define(
                        SSL_TRUSTSTORE_LOCATION,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Truststore for client certificates.")
                .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Truststore password.")
                .define(
                        SSL_CLIENT_AUTHENTICATION,
                        Type.STRING,
                        "NONE",
                        ValidString.in("NONE", "REQUESTED", "REQUIRED"),
                        Importance.MEDIUM,
                        "Whether https clients must present a certificate.")
                .define(
                        SCHEMA_MAX_BYTES,
                        Type.INT,
                        900_000,
                        Range.between(1, 64 * 1024 * 1024),
                        Importance.LOW,
                        "Longest schema text accepted (UTF-8 bytes); longer ones answer 42209. Keep it below the "
                                + "store topic's max.message.bytes.")
                .define(
                        REQUEST_MAX_BYTES,
                        Type.LONG,
                        2L * 1024 * 1024,
                        Range.between(1024, Integer.MAX_VALUE - 16),
                        Importance.LOW,
                        "Largest request body accepted; larger ones answer 413 as soon as the limit is passed, whether "
                                + "the body has a Content-Length or is chunked. Compressed bodies (Content-Encoding "
                                + "other than identity) answer 415.")
                .define(
                        REQUEST_MEMORY_MAX_BYTES,
                        Type.LONG,
                        0L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Most bytes of request bodies held in memory at once, beyond the first 32 KiB of each body "
                                + "(which every body may use, like the connection's own buffers). A body that needs "
                                + "more waits, without a thread, until earlier ones are done; any number of large or "
                                + "oversized bodies at once thus holds at most this much. Values below "
                                + "request.max.bytes (0 included) mean request.max.bytes: one body of the largest "
                                + "size at a time.")
                .define(
                        IDLE_TIMEOUT_MS,
                        Type.LONG,
                        30_000L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "How long a connection may go without a byte before it is closed; a request body that "
                                + "stops arriving for this long answers 408.")
                .define(
                        REQUEST_HEADER_TIMEOUT_MS,
                        Type.LONG,
                        10_000L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "How long a client may take to send a request's headers once it has begun; slower ones "
                                + "are answered 408 and closed (0 = no limit).")
                .define(
                        REQUEST_MIN_DATA_RATE,
                        Type.LONG,
                        1024L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Slowest a request body may arrive, in bytes per second averaged from its first byte; "
                                + "slower ones answer 408 (0 = no minimum).")
                .define(
                        MAX_REQUEST_HEADER_SIZE,
                        Type.INT,
                        8192,
                        Range.atLeast(1024),
                        Importance.LOW,
                        "Largest request line plus headers, in bytes; larger ones answer 431 (URI: 414).")
                .define(
                        SERVER_CONNECTION_LIMIT,
                        Type.INT,
                        0,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Most connections open at once over all listeners; past it new connections wait to be "
                                + "accepted (0 = no limit).")
                .define(
                        THREAD_POOL_MAX,
                        Type.INT,
                        200,
                        Range.atLeast(8),
                        Importance.LOW,
                        "Most threads serving requests. Request bodies are read without a thread, so slow "
                                + "clients do not hold one.")
                .define(
                        LEADER_WAIT_TIMEOUT_MS,
                        Type.LONG,
                        20_000L,
                        Range.atLeast(0),
                        Importance.MEDIUM,
                        "How long a write waits for the writer while none is known, the known one cannot be "
                                + "reached or is taking over (a new writer is elected after "
                                + "kafkastore.session.timeout.ms, 6000 ms by default, then fences its predecessor): "
                                + "the write is then forwarded or applied, not refused. Past it the write answers "
                                + "50004 or 50003 and was not applied. Keep it above the session timeout plus a few "
                                + "seconds.")
                .define(
                        SCHEMA_CACHE_SIZE,
                        Type.INT,
                        1000,
                        Range.atLeast(0),
                        Importance.LOW,
                        "How many parsed schemas are cached, requests' and stored versions' alike (a lookup of a "
                                + "known schema and a compatibility check skip parsing); Confluent's default. Each "
                                + "entry holds a parsed schema, about 10 times its text.")
                .define(
                        SUBJECT_SEARCH_DEFAULT_LIMIT,
                        Type.INT,
                        Integer.MAX_VALUE,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Page size of GET /subjects when the request names none, or names a limit that is not "
                                + "positive or above the max (Confluent's default: all subjects).")
                .define(
                        SUBJECT_SEARCH_MAX_LIMIT,
                        Type.INT,
                        Integer.MAX_VALUE,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Largest limit GET /subjects accepts; a larger one gets the default page size.")
                .define(
                        SUBJECT_VERSION_SEARCH_DEFAULT_LIMIT,
                        Type.INT,
                        Integer.MAX_VALUE,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Page size of GET /subjects/{subject}/versions when the request names none, or names a "
                                + "limit that is not positive or above the max (Confluent's default: all versions).")
                .define(
                        SUBJECT_VERSION_SEARCH_MAX_LIMIT,
                        Type.INT,
                        Integer.MAX_VALUE,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Largest limit GET /subjects/{subject}/versions accepts; a larger one gets the default "
                                + "page size.")
                .define(
                        SCHEMA_SEARCH_DEFAULT_LIMIT,
                        Type.INT,
                        1000,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Page size of GET /schemas, /schemas/ids/{id}/subjects, /schemas/ids/{id}/versions and "
                                + "/subjects/{subject}/versions/{version}/referencedby when the request names none, "
                                + "or names a limit that is not positive or above the max.")
                .define(
                        SCHEMA_SEARCH_MAX_LIMIT,
                        Type.INT,
                        1000,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Largest limit the schema lists accept; a larger one gets the default page size.")
                .define(
                        SHUTDOWN_GRACEFUL_MS,
                        Type.INT,
                        1000,
                        Range.atLeast(0),
                        Importance.LOW,
                        "How long in-flight requests may finish on shutdown.");
    }

    /** The listener URIs as configured. */
    public List<String> listeners() {
        return values.getList(LISTENERS);
    }

    /** A string setting; never null. */
    public String getString(String key) {
        String value = values.getString(key);
        return value == null ? "" : value;
    }

    /** An int setting. */
    public int getInt(String key) {
        return values.getInt(key);
    }

    /** A long setting. */
    public long getLong(String key) {
        return values.getLong(key);
    }

    /** A boolean setting. */
    public boolean getBoolean(String key) {
        return values.getBoolean(key);
    }

    /** A secret setting's value; null when unset. Never log it. */
    public String getSecret(String key) {
        Password password = values.getPassword(key);
        return password == null ? null : password.value();
    }

    /** Whether the store is Kafka (a non-empty {@code kafkastore.bootstrap.servers}). */
    public boolean hasKafkaStore() {
        return values.getList(KafkaStoreConfig.BOOTSTRAP_SERVERS).stream().anyMatch(s -> !s.isBlank());
    }

    /** The settings as given (including undeclared {@code kafkastore.*} client settings). */
    public Map<String, Object> originals() {
        return values.originals();
    }

    /** The effective values with secrets hidden, for logging. */
    @Override
    public String toString() {
        Map<String, Object> shown = new java.util.TreeMap<>(values.values());
        shown.replaceAll((k, v) -> v instanceof Password ? "[hidden]" : v);
        return "RegistryServerConfig" + shown;
    }
}
