package dev.eventcontracts.client;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.eventcontracts.client.internal.CachedSchemaRegistry;
import dev.eventcontracts.client.internal.HttpRegistryClient;
import dev.eventcontracts.client.internal.HttpTransport;
import dev.eventcontracts.client.internal.InMemorySchemaRegistry;
import java.util.Objects;

/**
 * Creates registry clients: the cached {@link SchemaRegistry} a serde uses, the plain
 * {@link SchemaRegistryClient} a tool uses for every REST call, or a registry in memory for unit tests.
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

    private SchemaRegistries() {}

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
        return new CachedSchemaRegistry(
                client,
                config.cacheCapacity(),
                config.latestCacheSize(),
                config.latestCacheTtl().orElse(null),
                Ticker.systemTicker());
    }

    /**
     * Creates a registry that lives in memory, for unit tests of code that serializes with a registry (what
     * Confluent's {@code MockSchemaRegistryClient} is for). It assigns ids and versions as a registry does: equal
     * schemas get one global id under every subject, each subject numbers its versions from 1, registering a
     * schema the subject already has returns its id, and unknown subjects, versions and ids fail with a
     * {@link RegistryException} carrying Confluent's status and error code ({@code 40401}, {@code 40402},
     * {@code 40403}). It checks no compatibility and does not require referenced subjects to be registered.
     *
     * <pre>{@code
     * SchemaRegistry registry = SchemaRegistries.inMemory();
     * Map<String, Object> config = Map.of("schema.registry.url", "http://unused", "specific.avro.reader", true);
     * try (AvroSerializer serializer = new AvroSerializer(registry, config, false);
     *         AvroDeserializer deserializer = new AvroDeserializer(registry, config, false)) {
     *     byte[] bytes = serializer.serialize("orders", order);
     *     assertThat(deserializer.deserialize("orders", bytes)).isEqualTo(order);
     * }
     * }</pre>
     *
     * @return a new, empty registry, thread-safe; closing it releases nothing and it keeps answering
     * @since 0.1.0
     */
    public static SchemaRegistry inMemory() {
        return new InMemorySchemaRegistry();
    }
}
