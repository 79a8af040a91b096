package dev.eventcontracts.serde;

import dev.eventcontracts.client.RegistryClientKeys;
import dev.eventcontracts.serde.internal.ClientSettingsDef;
import dev.eventcontracts.serde.internal.StrategyLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration of {@link AvroSerializer}, {@link AvroDeserializer} and {@link AvroSerde}: Confluent's keys,
 * types and defaults, each declared once in {@link #configDef()}.
 *
 * <p>The registry client's settings (URL, credentials, TLS, timeouts, retries, proxy, caches) are not declared
 * here: they come from their one declaration, {@code RegistryClientSettings}, and every setting given here is
 * passed on to the registry client. A Confluent {@code KafkaAvroSerializer}/{@code KafkaAvroDeserializer}
 * configuration works unchanged,
 * including Confluent's subject-name-strategy class names. Invalid values fail in the constructor with a
 * {@link ConfigException} naming the key, the value and what was expected.
 *
 * @since 0.1.0
 */
public final class AvroSerdeConfig extends AbstractConfig {

    /** Comma-separated registry URLs; required. */
    public static final String SCHEMA_REGISTRY_URL = RegistryClientKeys.SCHEMA_REGISTRY_URL;
    /** Where Basic-auth credentials come from: {@code URL}, {@code USER_INFO} or {@code SASL_INHERIT}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = RegistryClientKeys.BASIC_AUTH_CREDENTIALS_SOURCE;
    /** Basic-auth credentials {@code user:password} for {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = RegistryClientKeys.BASIC_AUTH_USER_INFO;
    /** Where the bearer token comes from. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = RegistryClientKeys.BEARER_AUTH_CREDENTIALS_SOURCE;
    /** A static bearer token. */
    public static final String BEARER_AUTH_TOKEN = RegistryClientKeys.BEARER_AUTH_TOKEN;
    /** Whether the serializer registers unknown schemas. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Write with the subject's latest schema instead of the record's own. */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Check that the latest schema can read data written with the record's schema. */
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    /** Ask the registry to normalize schemas when registering and looking up. */
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
    /** Write with this schema id; {@code -1} means unset. */
    public static final String USE_SCHEMA_ID = "use.schema.id";
    /** Check that the schema with {@code use.schema.id} can read data written with the record's schema. */
    public static final String ID_COMPATIBILITY_STRICT = "id.compatibility.strict";
    /** The subject name strategy for keys. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** The subject name strategy for values. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Deserialize into generated SpecificRecord classes instead of GenericRecord. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** The SpecificRecord class keys are read into, whatever the writer schema's name. */
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    /** The SpecificRecord class values are read into, whatever the writer schema's name. */
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    /** Convert logical types (decimal, timestamps, uuid, date) in generic records. */
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    /** How long the latest version of a subject is cached, in seconds; {@code -1} means forever. */
    public static final String LATEST_CACHE_TTL_SEC = RegistryClientKeys.LATEST_CACHE_TTL_SEC;
    /** The most schemas cached per subject. */
    public static final String MAX_SCHEMAS_PER_SUBJECT = RegistryClientKeys.MAX_SCHEMAS_PER_SUBJECT;

    private static final ConfigDef CONFIG = define();

    /**
     * Parses and validates a configuration.
     *
     * @param props the settings, e.g. the producer's or consumer's configs; never null
     * @throws ConfigException naming the key, the value and the expectation when a value is invalid or
     *     {@code schema.registry.url} is missing
     */
    public AvroSerdeConfig(Map<String, ?> props) {
        super(CONFIG, classesToNames(props));
    }

    /**
     * Returns the declaration of every key (name, type, default, validator, importance, doc), e.g. to render
     * the documentation table with {@link ConfigDef#toHtml()}.
     *
     * @return a copy of the declaration; never null
     */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** Returns the registry URLs; never null or empty. */
    public List<String> schemaRegistryUrls() {
        return getList(SCHEMA_REGISTRY_URL);
    }

    /** Returns {@code auto.register.schemas}. */
    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    /** Returns {@code use.latest.version}. */
    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    /** Returns {@code latest.compatibility.strict}. */
    public boolean latestCompatibilityStrict() {
        return getBoolean(LATEST_COMPATIBILITY_STRICT);
    }

    /** Returns {@code normalize.schemas}. */
    public boolean normalizeSchemas() {
        return getBoolean(NORMALIZE_SCHEMAS);
    }

    /** Returns {@code use.schema.id}, {@code -1} when unset. */
    public int useSchemaId() {
        return getInt(USE_SCHEMA_ID);
    }

    /** Returns {@code id.compatibility.strict}. */
    public boolean idCompatibilityStrict() {
        return getBoolean(ID_COMPATIBILITY_STRICT);
    }

    /** Returns {@code specific.avro.reader}. */
    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    /** Returns {@code avro.use.logical.type.converters}. */
    public boolean useLogicalTypeConverters() {
        return getBoolean(AVRO_USE_LOGICAL_TYPE_CONVERTERS);
    }

    /** Returns {@code latest.cache.ttl.sec}; negative means no expiry. */
    public long latestCacheTtlSeconds() {
        return getLong(LATEST_CACHE_TTL_SEC);
    }

    /** Returns {@code max.schemas.per.subject}. */
    public int maxSchemasPerSubject() {
        return getInt(MAX_SCHEMAS_PER_SUBJECT);
    }

    /**
     * Returns a new instance of the configured subject name strategy.
     *
     * @param isKey whether for keys ({@code key.subject.name.strategy}) or values
     * @return the strategy; never null
     */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        return StrategyLoader.load(key, getString(key));
    }

    /**
     * Returns the SpecificRecord class configured for keys or values.
     *
     * @param isKey whether for keys ({@code specific.avro.key.type}) or values
     * @return the class, or null when none is configured
     */
    public Class<?> specificType(boolean isKey) {
        return getClass(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
    }

    /**
     * Returns the settings as given, for the registry client (URLs, credentials, TLS, timeouts).
     *
     * @return a copy of the original settings; never null
     */
    public Map<String, Object> registryClientProperties() {
        return new HashMap<>(originals());
    }

    private static Map<String, Object> classesToNames(Map<String, ?> props) {
        Map<String, Object> copy = new HashMap<>(props);
        for (String key : List.of(KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY)) {
            if (copy.get(key) instanceof Class<?> type) {
                copy.put(key, type.getName());
            }
        }
        return copy;
    }

    private static ConfigDef define() {
        ConfigDef def = ClientSettingsDef.addTo(new ConfigDef())
                .define(
                        AUTO_REGISTER_SCHEMAS,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Whether the serializer registers the record's schema when the subject lacks it.")
                .define(
                        USE_SCHEMA_ID,
                        Type.INT,
                        -1,
                        Range.atLeast(-1),
                        Importance.LOW,
                        "Schema id to write with (when auto.register.schemas=false); -1 means unset.")
                .define(
                        ID_COMPATIBILITY_STRICT,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Whether the schema with use.schema.id must be able to read the record's schema.")
                .define(
                        USE_LATEST_VERSION,
                        Type.BOOLEAN,
                        false,
                        Importance.MEDIUM,
                        "Whether the serializer writes with the subject's latest schema (when "
                                + "auto.register.schemas=false), e.g. a union of several event types.")
                .define(
                        LATEST_COMPATIBILITY_STRICT,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Whether the latest schema must be able to read data written with the record's "
                                + "schema (backward compatible with it) when use.latest.version=true.")
                .define(
                        NORMALIZE_SCHEMAS,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "Whether the registry normalizes schemas when registering or looking them up.")
                .define(
                        KEY_SUBJECT_NAME_STRATEGY,
                        Type.STRING,
                        TopicNameStrategy.class.getName(),
                        new StrategyValidator(),
                        Importance.MEDIUM,
                        "Subject name strategy for keys: TopicNameStrategy (<topic>-key), RecordNameStrategy "
                                + "or TopicRecordNameStrategy; ours or Confluent's class names.")
                .define(
                        VALUE_SUBJECT_NAME_STRATEGY,
                        Type.STRING,
                        TopicNameStrategy.class.getName(),
                        new StrategyValidator(),
                        Importance.MEDIUM,
                        "Subject name strategy for values: TopicNameStrategy (<topic>-value), RecordNameStrategy "
                                + "or TopicRecordNameStrategy; ours or Confluent's class names.")
                .define(
                        SPECIFIC_AVRO_READER,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "Whether the deserializer reads into generated SpecificRecord classes.")
                .define(
                        SPECIFIC_AVRO_KEY_TYPE,
                        Type.CLASS,
                        null,
                        new SpecificTypeValidator(),
                        Importance.LOW,
                        "SpecificRecord class that keys are read into when specific.avro.reader=true.")
                .define(
                        SPECIFIC_AVRO_VALUE_TYPE,
                        Type.CLASS,
                        null,
                        new SpecificTypeValidator(),
                        Importance.LOW,
                        "SpecificRecord class that values are read into when specific.avro.reader=true.")
                .define(
                        AVRO_USE_LOGICAL_TYPE_CONVERTERS,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "Whether generic records hold logical types converted (BigDecimal, Instant, UUID, "
                                + "LocalDate) instead of their underlying Avro types.");
        return def;
    }

    /** Accepts a built-in or loadable subject name strategy. */
    private static final class StrategyValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            StrategyLoader.load(name, (String) value);
        }

        @Override
        public String toString() {
            return "TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy (ours or Confluent's "
                    + "io.confluent.kafka.serializers.subject.*) or a class implementing "
                    + SubjectNameStrategy.class.getName();
        }
    }

    /** Accepts null or a class implementing SpecificRecord. */
    private static final class SpecificTypeValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && !SpecificRecord.class.isAssignableFrom((Class<?>) value)) {
                throw new ConfigException(
                        name,
                        ((Class<?>) value).getName(),
                        "expected a class implementing " + SpecificRecord.class.getName());
            }
        }

        @Override
        public String toString() {
            return "a class implementing " + SpecificRecord.class.getName();
        }
    }
}
