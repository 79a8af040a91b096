package dev.eventcontracts.maven.internal;

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

    private RegistryGateways() {
    }

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
        throw new GateException("registry client not available yet");
    }
}
