package dev.eventcontracts.client;

/**
 * A Confluent Schema Registry REST client without caches: one method per REST call, the JSON of each call
 * as an immutable record, errors as {@link RegistryException}s carrying the HTTP status and Confluent's
 * {@code error_code}.
 *
 * <p>The calls are grouped by use case — {@link RegistryLookups} (reads, retried),
 * {@link RegistryWrites} (registrations and deletes, not retried once sent), {@link RegistryConfigs}
 * (compatibility levels and modes) — so code that needs only one group can ask for only that. Create one
 * with {@link SchemaRegistries#restClient(RegistryClientConfig)}; for serde hot paths use the cached
 * {@link SchemaRegistry} from {@link SchemaRegistries#create(RegistryClientConfig)} instead.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1.0
 */
public interface SchemaRegistryClient extends RegistryLookups, RegistryWrites, RegistryConfigs, AutoCloseable {

    /** Releases HTTP resources; later calls throw {@link IllegalStateException}. */
    @Override
    void close();
}
