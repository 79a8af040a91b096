package dev.eventcontracts.maven.internal;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.RegistryClientKeys;
import dev.eventcontracts.client.RegistryConfigException;
import dev.eventcontracts.client.SchemaRegistries;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens {@link RegistryGateway}s on the registry client of {@code registry-client}.
 */
public final class RegistryGateways {

    /** Opens a gateway from Confluent-style client properties and extra HTTP headers. */
    @FunctionalInterface
    public interface Opener {

        /**
         * Opens a gateway.
         *
         * @param properties client properties with Confluent's keys ({@code schema.registry.url}, ...); never null
         * @param httpHeaders extra headers for every request; never null
         * @return the gateway; never null
         * @throws GateException when the configuration is invalid
         */
        RegistryGateway open(Map<String, String> properties, Map<String, String> httpHeaders) throws GateException;
    }

    private RegistryGateways() {}

    /**
     * Opens a gateway on the REST client.
     *
     * @param properties client properties with Confluent's keys; never null
     * @param httpHeaders extra headers; never null
     * @return the gateway; never null
     * @throws GateException when the configuration is invalid
     */
    public static RegistryGateway open(Map<String, String> properties, Map<String, String> httpHeaders)
            throws GateException {
        Map<String, String> props = new LinkedHashMap<>(properties);
        httpHeaders.forEach((name, value) -> props.put(RegistryClientKeys.REQUEST_HEADER_PREFIX + name, value));
        try {
            RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(props);
            return new ClientRegistryGateway(SchemaRegistries.restClient(config));
        } catch (RegistryConfigException e) {
            throw new GateException("Invalid registry configuration: " + e.getMessage(), e);
        }
    }
}
