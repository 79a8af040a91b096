package dev.eventcontracts.server.internal.store.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * The settings of the Kafka store, under Confluent Schema Registry's names. Declared once here; the server's
 * config class includes {@link #DEFINITION} in its own.
 *
 * <p>Every other {@code kafkastore.}-prefixed setting is handed, without the prefix, to the store's Kafka clients
 * (admin, producer, consumers): for example {@code kafkastore.security.protocol}, {@code kafkastore.sasl.jaas.config},
 * {@code kafkastore.ssl.truststore.location}, or {@code kafkastore.session.timeout.ms} for the election.
 */
public final class KafkaStoreConfig extends AbstractConfig {

    /** Prefix of the store settings and of the pass-through client settings. */
    public static final String PREFIX = "kafkastore.";
    /** Kafka brokers of the store ({@code host:port} or {@code PROTOCOL://host:port}, comma-separated). */
    public static final String BOOTSTRAP_SERVERS = "kafkastore.bootstrap.servers";
    /** The store topic. */
    public static final String TOPIC = "kafkastore.topic";
    /** Replication factor of the store topic when this registry creates it. */
    public static final String TOPIC_REPLICATION_FACTOR = "kafkastore.topic.replication.factor";
    /** Time an append or a sync to the end of the log may take. */
    public static final String TIMEOUT_MS = "kafkastore.timeout.ms";
    /** Time the start (topic check and replay) may take. */
    public static final String INIT_TIMEOUT_MS = "kafkastore.init.timeout.ms";
    /** Consumer group the instances elect their writer in. */
    public static final String GROUP_ID = "schema.registry.group.id";
    /** Whether this instance may become the writer. */
    public static final String LEADER_ELIGIBILITY = "leader.eligibility";

    /** The declaration of the store settings. */
    public static final ConfigDef DEFINITION = define(new ConfigDef());

    private static final Set<String> DECLARED =
            Set.of(BOOTSTRAP_SERVERS, TOPIC, TOPIC_REPLICATION_FACTOR, TIMEOUT_MS, INIT_TIMEOUT_MS);

    /**
     * Parses the store settings out of the server's settings (other keys are ignored).
     *
     * @param props the server's settings; not null
     * @throws ConfigException naming the key and value when a setting is missing or invalid
     */
    public KafkaStoreConfig(Map<String, ?> props) {
        super(DEFINITION, props, false);
        if (bootstrapServers().isEmpty()) {
            throw new ConfigException(
                    BOOTSTRAP_SERVERS, getList(BOOTSTRAP_SERVERS), "at least one broker address is required");
        }
    }

    /**
     * Adds the store settings to a definition (so the server's config can declare them with its own).
     *
     * @param def the definition to add to; not null
     * @return {@code def}
     */
    public static ConfigDef define(ConfigDef def) {
        return def.define(
                        BOOTSTRAP_SERVERS,
                        Type.LIST,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Importance.HIGH,
                        "Kafka brokers of the store: host:port or PROTOCOL://host:port, comma-separated.")
                .define(
                        TOPIC,
                        Type.STRING,
                        "_schemas",
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "The single-partition compacted topic that holds the registry's state.")
                .define(
                        TOPIC_REPLICATION_FACTOR,
                        Type.INT,
                        3,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Replication factor of the store topic when the registry creates it (capped at the number "
                                + "of brokers).")
                .define(
                        TIMEOUT_MS,
                        Type.INT,
                        10_000,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "How long a write may take until it is committed and applied locally, and how long a "
                                + "sync to the end of the log may take. Longer than Confluent's 500 ms because a "
                                + "write here is a transaction commit plus the local read-back.")
                .define(
                        INIT_TIMEOUT_MS,
                        Type.INT,
                        60_000,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "How long the start (topic creation or check, replay) may take.")
                .define(
                        GROUP_ID,
                        Type.STRING,
                        "schema-registry",
                        new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM,
                        "Consumer group in which the instances sharing a store topic elect their writer.")
                .define(
                        LEADER_ELIGIBILITY,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Whether this instance may become the writer; other instances forward writes to it.");
    }

    /** The broker addresses, without any {@code PROTOCOL://} prefix. */
    public List<String> bootstrapServers() {
        return getList(BOOTSTRAP_SERVERS).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.contains("://") ? s.substring(s.indexOf("://") + 3) : s)
                .toList();
    }

    /** The store topic. */
    public String topic() {
        return getString(TOPIC);
    }

    /** Replication factor wanted for a created store topic. */
    public int topicReplicationFactor() {
        return getInt(TOPIC_REPLICATION_FACTOR);
    }

    /** Time one write or sync may take, in milliseconds. */
    public int timeoutMs() {
        return getInt(TIMEOUT_MS);
    }

    /** Time the start may take, in milliseconds. */
    public int initTimeoutMs() {
        return getInt(INIT_TIMEOUT_MS);
    }

    /** The election group. */
    public String groupId() {
        return getString(GROUP_ID);
    }

    /** Whether this instance may become the writer. */
    public boolean leaderEligibility() {
        return getBoolean(LEADER_ELIGIBILITY);
    }

    /**
     * The settings common to every store client: the brokers, the protocol named in their addresses, and every
     * undeclared {@code kafkastore.*} setting without its prefix.
     */
    public Map<String, Object> clientProps() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", String.join(",", bootstrapServers()));
        protocolOfAddresses().ifPresent(p -> props.put("security.protocol", p));
        for (Map.Entry<String, Object> e : new LinkedHashMap<>(originals()).entrySet()) {
            String key = e.getKey();
            if (key.startsWith(PREFIX) && !DECLARED.contains(key) && e.getValue() != null) {
                props.put(key.substring(PREFIX.length()), e.getValue());
            }
        }
        return props;
    }

    private java.util.Optional<String> protocolOfAddresses() {
        return getList(BOOTSTRAP_SERVERS).stream()
                .map(String::trim)
                .filter(s -> s.contains("://"))
                .map(s -> s.substring(0, s.indexOf("://")).toUpperCase(Locale.ROOT))
                .filter(p -> SecurityProtocol.names().contains(p))
                .findFirst();
    }
}
