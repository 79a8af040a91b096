package dev.eventcontracts.serde.internal;

import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.serde.AvroSerdeConfig;
import org.apache.kafka.common.config.ConfigException;

/** Creates the registry client a serde uses when none was given to its constructor. */
public final class RegistryClients {

    private RegistryClients() {
    }

    /**
     * Creates a caching REST client from the serde's settings (URLs, credentials, TLS, cache sizes, TTLs).
     *
     * @param config the parsed settings; never null
     * @return the client; the caller closes it
     */
    public static SchemaRegistry create(AvroSerdeConfig config) {
        throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.schemaRegistryUrls(),
                "the REST registry client is not available yet");
    }
}
