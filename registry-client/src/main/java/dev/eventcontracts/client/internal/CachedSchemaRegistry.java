package dev.eventcontracts.client.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryLookups;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.schema.AvroSchema;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * {@link SchemaRegistry} over a {@link SchemaRegistryClient}, with bounded Caffeine caches: id to schema,
 * (subject, schema, normalize) to id, (subject, version) to version, and subject to latest version with an
 * optional time-to-live.
 *
 * <p>A lookup first asks the cache without locking ({@code getIfPresent}); only on a miss does it install a
 * pending entry for its key and load it in the calling thread, outside any lock, while concurrent callers of
 * the same key wait for that one load. So each key costs one HTTP call however many threads ask, and a slow
 * registry never blocks callers of other keys. Failed loads are not cached.
 */
public final class CachedSchemaRegistry implements SchemaRegistry {

    private record SchemaKey(String subject, AvroSchema schema, boolean normalize) {}

    private record VersionKey(String subject, int version) {}

    private final SchemaRegistryClient client;
    private final ReferenceResolver resolver;
    private final AsyncCache<Integer, AvroSchema> byId;
    private final AsyncCache<SchemaKey, Integer> idBySchema;
    private final AsyncCache<VersionKey, RegisteredVersion> byVersion;
    private final AsyncCache<String, RegisteredVersion> latest;

    /**
     * Creates the caches over a client, which {@link #close()} closes.
     *
     * @param client the REST client
     * @param capacity the capacity of each schema cache
     * @param latestSize the capacity of the latest-version cache
     * @param latestTtl how long a latest version is kept, or null for no expiry
     * @param ticker the time source of the latest-version expiry
     */
    public CachedSchemaRegistry(
            SchemaRegistryClient client, int capacity, int latestSize, Duration latestTtl, Ticker ticker) {
        this.client = Objects.requireNonNull(client, "client");
        this.resolver = new ReferenceResolver(client, capacity);
        this.byId = Caffeine.newBuilder().maximumSize(capacity).buildAsync();
        this.idBySchema = Caffeine.newBuilder().maximumSize(capacity).buildAsync();
        this.byVersion = Caffeine.newBuilder().maximumSize(capacity).buildAsync();
        Caffeine<Object, Object> latestBuilder =
                Caffeine.newBuilder().maximumSize(latestSize).ticker(ticker);
        if (latestTtl != null) {
            latestBuilder.expireAfterWrite(latestTtl);
        }
        this.latest = latestBuilder.buildAsync();
    }

    @Override
    public int register(String subject, AvroSchema schema, boolean normalize) {
        SchemaKey key = new SchemaKey(
                Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(schema, "schema"), normalize);
        return load(idBySchema, key, k -> {
            int id = client.register(subject, request(schema, normalize), normalize)
                    .id();
            if (!normalize) {
                // what was registered is exactly what a reader of this id gets (Confluent's client does the same)
                seed(byId, id, schema);
            }
            return id;
        });
    }

    @Override
    public int idOf(String subject, AvroSchema schema, boolean normalize) {
        SchemaKey key = new SchemaKey(
                Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(schema, "schema"), normalize);
        return load(
                idBySchema,
                key,
                k -> client.lookup(subject, request(schema, normalize), normalize, false)
                        .id());
    }

    /**
     * The request for a schema: with {@code normalize}, the schema normalized here as Confluent normalizes it.
     * Registries differ in what their own {@code normalize=true} does (Apicurio 3 does not sort custom
     * properties, so the same schema with properties in another order got a new version); sending normalized
     * text makes the answer the same on every registry.
     */
    static RegisterSchemaRequest request(AvroSchema schema, boolean normalize) {
        return RegisterSchemaRequest.of(normalize ? schema.normalize() : schema);
    }

    @Override
    public AvroSchema schemaById(int id) {
        AvroSchema hit = ready(byId, id);
        if (hit != null) {
            return hit;
        }
        return load(byId, id, k -> {
            var answer = client.schemaById(k);
            return resolver.parse(answer.schema(), answer.schemaType(), answer.references(), "schema id " + k);
        });
    }

    @Override
    public RegisteredVersion latest(String subject) {
        Objects.requireNonNull(subject, "subject");
        return load(latest, subject, s -> {
            RegisteredVersion v = toVersion(client.latestVersion(s));
            seed(byVersion, new VersionKey(s, v.version()), v);
            return v;
        });
    }

    @Override
    public RegisteredVersion version(String subject, int version) {
        Objects.requireNonNull(subject, "subject");
        if (version == RegistryLookups.LATEST) {
            return latest(subject);
        }
        return load(byVersion, new VersionKey(subject, version), k -> toVersion(client.version(subject, version)));
    }

    private RegisteredVersion toVersion(SubjectSchema answer) {
        AvroSchema schema = resolver.parse(
                answer.schema(),
                answer.schemaType(),
                answer.references(),
                "subject '" + answer.subject() + "' version " + answer.version());
        seed(byId, answer.id(), schema);
        seed(idBySchema, new SchemaKey(answer.subject(), schema, false), answer.id());
        return new RegisteredVersion(answer.subject(), answer.version(), answer.id(), schema);
    }

    private static <K, V> V ready(AsyncCache<K, V> cache, K key) {
        CompletableFuture<V> f = cache.getIfPresent(key);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    private static <K, V> void seed(AsyncCache<K, V> cache, K key, V value) {
        cache.asMap().putIfAbsent(key, CompletableFuture.completedFuture(value));
    }

    /** Answers from the cache, or loads in this thread once per key while concurrent callers wait for it. */
    private static <K, V> V load(AsyncCache<K, V> cache, K key, Function<K, V> loader) {
        V hit = ready(cache, key);
        if (hit != null) {
            return hit;
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> future = cache.get(key, (k, executor) -> mine);
        if (future == mine) {
            try {
                mine.complete(loader.apply(key));
            } catch (RuntimeException | Error e) {
                // Caffeine drops the failed entry, so the next caller tries again; a cancellation-type failure
                // keeps it from logging every registry 404 as a warning
                mine.completeExceptionally(new LoadFailed(e));
                throw e;
            }
        }
        try {
            return future.join();
        } catch (LoadFailed e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Carries a failed load to the callers that waited for it. */
    private static final class LoadFailed extends CancellationException {

        private static final long serialVersionUID = 1L;

        LoadFailed(Throwable cause) {
            super("loading a registry cache entry failed");
            initCause(cause);
        }
    }

    @Override
    public void close() {
        client.close();
        byId.synchronous().invalidateAll();
        idBySchema.synchronous().invalidateAll();
        byVersion.synchronous().invalidateAll();
        latest.synchronous().invalidateAll();
        resolver.clear();
    }
}
