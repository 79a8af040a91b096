package dev.eventcontracts.client.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.RegistryLookups;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.InvalidSchemaException;
import dev.eventcontracts.schema.SchemaReference;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a registry schema whose references name types registered under other subjects: fetches each
 * referenced subject version (recursively), orders the texts dependencies-first and hands them to
 * {@link AvroSchema#parse(String, List, Map)}.
 *
 * <p>Fetched reference versions are kept in a bounded cache of their own. It is read and filled with plain
 * get/put, never a compute, because resolution runs while a caller is loading another cache's entry.
 */
final class ReferenceResolver {

    private record VersionKey(String subject, int version) {}

    private final RegistryLookups client;
    private final Cache<VersionKey, SubjectSchema> fetched;

    ReferenceResolver(RegistryLookups client, int capacity) {
        this.client = client;
        this.fetched = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /**
     * Parses a schema text with its references resolved.
     *
     * @param text the schema text
     * @param schemaType the type the registry answered
     * @param references the references
     * @param what the schema in messages, e.g. {@code schema id 5}
     * @return the parsed schema
     * @throws RegistryException when a reference cannot be fetched, the type is not Avro, a reference cycle
     *     exists, or the texts do not parse
     */
    AvroSchema parse(String text, String schemaType, List<SchemaReference> references, String what) {
        checkAvro(schemaType, what);
        Map<String, String> resolved = new LinkedHashMap<>();
        Set<VersionKey> visiting = new HashSet<>();
        for (SchemaReference ref : references) {
            resolve(ref, resolved, visiting, what);
        }
        try {
            return AvroSchema.parse(text, references, resolved);
        } catch (InvalidSchemaException e) {
            throw new RegistryException(
                    RegistryException.Kind.INVALID,
                    200,
                    0,
                    "The registry's " + what + " does not parse: " + e.getMessage(),
                    e);
        }
    }

    private void resolve(SchemaReference ref, Map<String, String> resolved, Set<VersionKey> visiting, String what) {
        if (resolved.containsKey(ref.name())) {
            return;
        }
        VersionKey key = new VersionKey(ref.subject(), ref.version());
        if (!visiting.add(key)) {
            throw new RegistryException(
                    RegistryException.Kind.INVALID,
                    200,
                    0,
                    "The references of " + what + " form a cycle through subject '" + ref.subject() + "' version "
                            + ref.version(),
                    null);
        }
        SubjectSchema target = fetch(key);
        checkAvro(target.schemaType(), "reference '" + ref.name() + "' of " + what);
        for (SchemaReference inner : target.references()) {
            resolve(inner, resolved, visiting, what);
        }
        resolved.putIfAbsent(ref.name(), target.schema());
        visiting.remove(key);
    }

    private SubjectSchema fetch(VersionKey key) {
        SubjectSchema cached = fetched.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        SubjectSchema loaded = client.version(key.subject(), key.version(), false);
        if (key.version() != RegistryLookups.LATEST) {
            fetched.put(key, loaded);
        }
        return loaded;
    }

    static void checkAvro(String schemaType, String what) {
        if (!AvroSchema.TYPE.equals(schemaType)) {
            throw new RegistryException(
                    RegistryException.Kind.INVALID,
                    200,
                    0,
                    "The registry's " + what + " is a " + schemaType + " schema; this client reads only "
                            + AvroSchema.TYPE + " schemas",
                    null);
        }
    }

    void clear() {
        fetched.invalidateAll();
    }
}
