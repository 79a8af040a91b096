package dev.eventcontracts.producer.internal;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.serde.AvroSerdeConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens the one cached registry client that the key and value serializers (and the id lookup of an older
 * contract) share, so each schema is fetched once per process.
 */
public final class Registries {

    private Registries() {}

    /**
     * Opens a client.
     *
     * @param url the registry URL; never null
     * @param overrides further settings in Confluent's names (credentials, TLS, timeouts); others are ignored;
     *     never null
     * @return the client; the caller closes it
     */
    public static SchemaRegistry open(String url, Map<String, String> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>(overrides);
        properties.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        return SchemaRegistries.create(RegistryClientConfig.fromConfluentProperties(properties));
    }
}
