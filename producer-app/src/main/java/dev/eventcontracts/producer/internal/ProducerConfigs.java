package dev.eventcontracts.producer.internal;

import dev.eventcontracts.serde.AvroSerdeConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The order service's Kafka producer and serializer settings.
 *
 * <p>Why these values: {@code acks=all} with idempotence means an acknowledged event is on every in-sync
 * replica exactly once, in order per partition, even when the producer retries. Retries are bounded (10, with
 * exponential backoff) and {@code delivery.timeout.ms} caps the time an event may stay unacknowledged, so a
 * broken cluster surfaces as counted, logged failures instead of a hang. The serializer registers nothing:
 * schemas are registered from CI, the producer writes with what the registry holds.
 */
public final class ProducerConfigs {

    private ProducerConfigs() {}

    /**
     * Returns the producer settings.
     *
     * @param bootstrapServers Kafka's address; never null
     * @param clientId the {@code client.id}; never null
     * @return a new mutable map; never null
     */
    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, 10);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 2_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    /**
     * Returns the serializer settings for the newest contract: write with the subject's latest schema.
     *
     * @param registryUrl the registry URL; never null
     * @return a new mutable map; never null
     */
    public static Map<String, Object> serializerForLatest(String registryUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        config.put(AvroSerdeConfig.USE_LATEST_VERSION, true);
        return config;
    }

    /**
     * Returns the serializer settings for an older contract: write with a pinned schema id.
     *
     * @param registryUrl the registry URL; never null
     * @param schemaId the id of the older contract's value schema
     * @return a new mutable map; never null
     */
    public static Map<String, Object> serializerForSchemaId(String registryUrl, int schemaId) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        config.put(AvroSerdeConfig.USE_LATEST_VERSION, false);
        config.put(AvroSerdeConfig.USE_SCHEMA_ID, schemaId);
        return config;
    }
}
