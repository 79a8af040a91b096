package dev.eventcontracts.serde.internal;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.RegistryConfigException;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.serde.AvroSerdeConfig;
import org.apache.kafka.common.config.ConfigException;

/** Creates the registry client a serde uses when none was given to its constructor. */
public final class RegistryClients {

    private RegistryClients() {}

    /**
     * Creates a caching REST client from the serde's settings (URLs, credentials, TLS, timeouts, retries,
     * cache sizes, latest TTL), read by the client under Confluent's names.
     *
     * @param config the parsed settings; never null
     * @return the client; the caller closes it
     * @throws ConfigException naming key, value and expectation when the client rejects a setting
     */
    public static SchemaRegistry create(AvroSerdeConfig config) {
        try {
            return SchemaRegistries.create(
                    RegistryClientConfig.fromConfluentProperties(config.registryClientProperties()));
        } catch (RegistryConfigException e) {
            Object value = config.originals().get(e.key());
            throw new ConfigException(
                    e.key(),
                    value instanceof org.apache.kafka.common.config.types.Password ? "[hidden]" : value,
                    e.getMessage());
        }
    }
}
