package dev.eventcontracts.producer;

import java.util.Map;
import java.util.Objects;

/**
 * How the order service connects and which contract version it speaks.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}; never null
 * @param schemaRegistryUrl the registry's {@code schema.registry.url}; never null
 * @param contractVersion the released contract version to produce, from 1; the newest release is produced
 *     with the generated classes and the subject's latest schema, an older one as that release's records
 * @param source the CloudEvents {@code ce_source}, e.g. {@code /order-service}; never null
 * @param overrides extra producer and serializer settings, applied last; never null
 * @since 0.1.0
 */
public record ProducerSettings(
        String bootstrapServers,
        String schemaRegistryUrl,
        int contractVersion,
        String source,
        Map<String, String> overrides) {

    /** The default {@code ce_source}. */
    public static final String DEFAULT_SOURCE = "/order-service";

    /** Checks the values and copies the overrides. */
    public ProducerSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(source, "source");
        if (contractVersion < 1) {
            throw new IllegalArgumentException("contractVersion must be at least 1, was " + contractVersion);
        }
        overrides = Map.copyOf(overrides);
    }

    /**
     * Returns settings with the default source and no overrides.
     *
     * @param bootstrapServers Kafka's {@code bootstrap.servers}; never null
     * @param schemaRegistryUrl the registry URL; never null
     * @param contractVersion the contract version to produce, from 1
     * @return the settings; never null
     */
    public static ProducerSettings of(String bootstrapServers, String schemaRegistryUrl, int contractVersion) {
        return new ProducerSettings(bootstrapServers, schemaRegistryUrl, contractVersion, DEFAULT_SOURCE, Map.of());
    }
}
