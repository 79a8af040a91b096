package dev.eventcontracts.client;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.eventcontracts.client.internal.CachedSchemaRegistry;
import dev.eventcontracts.client.internal.HttpRegistryClient;
import dev.eventcontracts.client.internal.HttpTransport;
import java.util.Objects;

/**
 * Creates registry clients: the cached {@link SchemaRegistry} a serde uses, or the plain
 * {@link SchemaRegistryClient} a tool uses for every REST call.
 *
 * <pre>{@code
 * RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(serdeConfigs);
 * try (SchemaRegistry registry = SchemaRegistries.create(config)) {
 *     int id = registry.register("orders-value", AvroSchema.of(OrderCreated.SCHEMA$), false);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SchemaRegistries {

    private SchemaRegistries() {
    }

    /**
     * Creates a cached registry over a new REST client.
     *
     * @param config the configuration, also giving the cache sizes and latest-version TTL; never null
     * @return the registry; close it to release HTTP resources
     */
    public static SchemaRegistry create(RegistryClientConfig config) {
        return cached(restClient(config), config);
    }

    /**
     * Creates a REST client without caches.
     *
     * @param config the configuration; never null
     * @return the client; close it to release HTTP resources
     */
    public static SchemaRegistryClient restClient(RegistryClientConfig config) {
        return new HttpRegistryClient(new HttpTransport(Objects.requireNonNull(config, "config")));
    }

    /**
     * Puts caches in front of an existing client; closing the registry closes the client.
     *
     * @param client the client; never null
     * @param config gives the cache sizes and latest-version TTL; never null
     * @return the registry
     */
    public static SchemaRegistry cached(SchemaRegistryClient client, RegistryClientConfig config) {
        return new CachedSchemaRegistry(client, config.cacheCapacity(), config.latestCacheSize(),
                config.latestCacheTtl().orElse(null), Ticker.systemTicker());
    }
}
