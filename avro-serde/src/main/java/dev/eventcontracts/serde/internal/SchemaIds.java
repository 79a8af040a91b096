package dev.eventcontracts.serde.internal;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.serde.AvroSerdeConfig;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Finds the id (and writer schema) a serializer writes a schema with, in Confluent's order: register it
 * ({@code auto.register.schemas}), else the configured {@code use.schema.id}, else the subject's latest version
 * ({@code use.latest.version}), else look its id up. Results are cached by subject and schema equality; the
 * latest version expires after {@code latest.cache.ttl.sec}.
 */
final class SchemaIds {

    /** A resolved id and the schema to write with. */
    record Registration(int id, AvroSchema writer, long ttlNanos) {}

    private record Key(String subject, AvroSchema schema) {}

    private final SchemaRegistry registry;
    private final AvroSerdeConfig config;
    private final long latestTtlNanos;
    private final ConcurrentHashMap<Key, Registration> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Long> latestExpiry = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> perSubject = new ConcurrentHashMap<>();

    SchemaIds(SchemaRegistry registry, AvroSerdeConfig config) {
        this.registry = registry;
        this.config = config;
        long ttl = config.latestCacheTtlSeconds();
        this.latestTtlNanos = ttl < 0 ? -1 : TimeUnit.SECONDS.toNanos(ttl);
    }

    Registration resolve(String topic, String subject, AvroSchema schema) {
        Key key = new Key(subject, schema);
        Registration cached = cache.get(key);
        if (cached != null && !expired(key)) {
            return cached;
        }
        Registration fresh = fetch(topic, subject, schema);
        if (cached == null) {
            countSchema(topic, subject);
        }
        cache.put(key, fresh);
        if (fresh.ttlNanos() >= 0) {
            latestExpiry.put(key, System.nanoTime() + fresh.ttlNanos());
        }
        return fresh;
    }

    private boolean expired(Key key) {
        Long expiry = latestExpiry.get(key);
        return expiry != null && System.nanoTime() - expiry > 0;
    }

    private void countSchema(String topic, String subject) {
        int count =
                perSubject.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
        if (count > config.maxSchemasPerSubject()) {
            throw Failures.serde(
                    "Too many schemas for one subject: more than " + config.maxSchemasPerSubject()
                            + " (max.schemas.per.subject)",
                    topic,
                    subject,
                    null,
                    null);
        }
    }

    private Registration fetch(String topic, String subject, AvroSchema schema) {
        if (config.autoRegisterSchemas()) {
            int id = call(
                    () -> registry.register(subject, schema, config.normalizeSchemas()),
                    "registering the schema",
                    topic,
                    subject,
                    null);
            return new Registration(id, schema, -1);
        }
        if (config.useSchemaId() >= 0) {
            int id = config.useSchemaId();
            AvroSchema byId =
                    call(() -> registry.schemaById(id), "fetching the schema of use.schema.id", topic, subject, id);
            if (config.idCompatibilityStrict()) {
                requireReadable(byId, schema, topic, subject, id, "use.schema.id", "id.compatibility.strict");
            }
            return new Registration(id, byId, -1);
        }
        if (config.useLatestVersion()) {
            RegisteredVersion latest =
                    call(() -> registry.latest(subject), "fetching the latest version", topic, subject, null);
            if (config.latestCompatibilityStrict()) {
                requireReadable(
                        latest.schema(),
                        schema,
                        topic,
                        subject,
                        latest.id(),
                        "the latest version (" + latest.version() + ")",
                        "latest.compatibility.strict");
            }
            return new Registration(latest.id(), latest.schema(), latestTtlNanos);
        }
        try {
            int id = registry.idOf(subject, schema, config.normalizeSchemas());
            return new Registration(id, schema, -1);
        } catch (RegistryException e) {
            if (e.status() == 404) {
                throw Failures.serde(
                        "Schema not registered under the subject and auto.register.schemas=false: "
                                + "register it first, or set auto.register.schemas=true or use.latest.version=true; "
                                + "schema " + schema,
                        topic,
                        subject,
                        null,
                        e);
            }
            throw Failures.registry(e, "looking up the schema's id", topic, subject, null);
        }
    }

    /**
     * Confluent's check: the schema written with must be able to read data of the record's schema, i.e. be
     * backward compatible with it. Only that direction, so that a union can hold the record.
     */
    private static void requireReadable(
            AvroSchema target,
            AvroSchema recordSchema,
            String topic,
            String subject,
            int id,
            String what,
            String flag) {
        SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(target.rawSchema(), recordSchema.rawSchema());
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw Failures.serde(
                    "The record's schema " + recordSchema.name() + " cannot be written with " + what
                            + " of the subject: that schema cannot read it ("
                            + result.getResult().getIncompatibilities().stream()
                                    .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                                    .toList()
                            + "). Set " + flag + "=false to skip this check",
                    topic,
                    subject,
                    id,
                    null);
        }
    }

    private static <T> T call(Supplier<T> call, String action, String topic, String subject, Integer id) {
        try {
            return call.get();
        } catch (RegistryException e) {
            throw Failures.registry(e, action, topic, subject, id);
        }
    }
}
