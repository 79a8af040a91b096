package dev.eventcontracts.server.internal.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.InvalidSchemaException;
import dev.eventcontracts.schema.SchemaReference;
import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import dev.eventcontracts.server.internal.state.SubjectVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns schema texts into {@link AvroSchema}s: resolves references against the registry state, parses, and
 * caches the result by text and references, so that looking up an already registered schema costs a hash lookup
 * rather than a parse. Cached entries are dropped when a version is hard-deleted (a reference could now resolve
 * to something else).
 */
public final class SchemaParsing {

    /** A parsed schema with what the registry derives from it. */
    public record Parsed(AvroSchema schema, String canonical, String guid, List<SchemaReference> references) {}

    private record Key(String text, List<SchemaReference> references, boolean normalize) {}

    private record Cached(Parsed parsed, long generation) {}

    /** A class of the JDK or a library, e.g. in a null-pointer message: internals, never shown to a client. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:com\\.fasterxml|java\\.(?:lang|util|io|net|nio|time|math)|javax|jdk|sun"
                    + "|org\\.apache\\.avro|org\\.eclipse\\.jetty)\\.");

    private final RegistryState state;
    private final int maxSchemaBytes;
    private final JsonFactory json;
    private final Cache<Key, Cached> cache;

    /**
     * Creates the parser.
     *
     * @param state where references resolve; never null
     * @param maxSchemaBytes the longest schema text accepted (UTF-8 bytes); longer ones fail with 42209
     * @param cacheSize how many parsed request schemas to keep
     */
    public SchemaParsing(RegistryState state, int maxSchemaBytes, int cacheSize) {
        this.state = state;
        this.maxSchemaBytes = maxSchemaBytes;
        this.json = JsonLimits.factory(maxSchemaBytes);
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /**
     * Parses a schema a client sent.
     *
     * @param normalize whether to normalize it as Confluent does for {@code normalize=true}
     * @throws RegistryException 42201 when it is not a valid Avro schema, a reference does not resolve or the
     *     type is not AVRO; 42209 when it is too large
     */
    public Parsed parse(SchemaRequest request, boolean normalize) {
        if (request.schemaType() != null && !AvroSchema.TYPE.equals(request.schemaType())) {
            throw new RegistryException(ErrorKind.INVALID_SCHEMA, "Invalid schema type " + request.schemaType());
        }
        if (request.isEmpty()) {
            throw new RegistryException(ErrorKind.INVALID_SCHEMA, "Empty schema");
        }
        if (request.schema().length() > maxSchemaBytes / 3
                && request.schema().getBytes(StandardCharsets.UTF_8).length > maxSchemaBytes) {
            throw new RegistryException(
                    ErrorKind.SCHEMA_TOO_LARGE, "Register operation failed because schema is too large");
        }
        return cached(request.schema(), request.references(), normalize);
    }

    /**
     * Parses a stored schema text with its references, through the same cache as requests.
     *
     * @throws RegistryException 42201 when it does not parse (a reference no longer resolves)
     */
    public Parsed stored(String text, List<SchemaReference> references) {
        return cached(text, references, false);
    }

    private Parsed cached(String text, List<SchemaReference> references, boolean normalize) {
        Key key = new Key(text, references, normalize);
        long generation = state.hardDeleteGeneration();
        Cached cached = cache.getIfPresent(key);
        if (cached != null && cached.generation() == generation) {
            return cached.parsed();
        }
        Parsed parsed = parseUncached(text, references, normalize);
        if (references.stream().noneMatch(r -> r.version() == Versions.LATEST)) {
            cache.put(key, new Cached(parsed, generation));
        }
        return parsed;
    }

    private Parsed parseUncached(String text, List<SchemaReference> references, boolean normalize) {
        requireJsonWithinLimits(text);
        AvroSchema schema = parseAvro(text, references);
        if (normalize) {
            schema = schema.normalize();
        }
        return new Parsed(schema, schema.canonicalString(), schema.guid(), schema.references());
    }

    /**
     * Reads the schema's JSON with the registry's explicit limits before Avro parses it: Avro's parser has the JSON
     * library's own limits and reports a violation, like any JSON error, with the library's class names.
     */
    private void requireJsonWithinLimits(String text) {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (JsonProcessingException e) {
            throw new RegistryException(
                    ErrorKind.INVALID_SCHEMA,
                    "Invalid schema of type AVRO, details: the schema " + JsonLimits.describe(e, maxSchemaBytes));
        } catch (IOException e) {
            throw new RegistryException(
                    e, ErrorKind.INVALID_SCHEMA, "Invalid schema of type AVRO, details: the schema cannot be read");
        }
    }

    /**
     * The parsed form of a stored version, from the cache: a version is parsed once while it stays in the cache,
     * and the cache, not the version, holds the parsed schema, so the heap stays bounded however many versions
     * were ever checked against.
     */
    public AvroSchema parsed(SchemaVersion version) {
        return stored(version.schema(), version.references()).schema();
    }

    private AvroSchema parseAvro(String text, List<SchemaReference> references) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (SchemaReference reference : references) {
            resolve(reference, resolved, new HashSet<>());
        }
        try {
            return AvroSchema.parse(text, references, resolved);
        } catch (InvalidSchemaException e) {
            throw new RegistryException(
                    e, ErrorKind.INVALID_SCHEMA, "Invalid schema of type AVRO, details: " + detail(e));
        } catch (RuntimeException e) {
            // Avro throws assorted unchecked exceptions on hostile input; all of them mean "invalid schema".
            throw new RegistryException(
                    e, ErrorKind.INVALID_SCHEMA, "Invalid schema of type AVRO, details: " + inOurWords(e.getMessage()));
        } catch (StackOverflowError e) {
            // Avro's parser recurses once per nesting level; a hostile schema must not take the thread down.
            throw new RegistryException(
                    ErrorKind.INVALID_SCHEMA, "Invalid schema of type AVRO, details: the schema is nested too deeply");
        }
    }

    private static String detail(InvalidSchemaException e) {
        return inOurWords(
                e.getCause() != null && e.getCause().getMessage() != null
                        ? e.getCause().getMessage()
                        : e.getMessage());
    }

    /** Avro's own words pass; a message naming Java or library classes (a bug's symptom) does not. */
    private static String inOurWords(String message) {
        return message == null || CLASS_NAME.matcher(message).find()
                ? "the schema is not a valid Avro schema"
                : JsonLimits.withoutSourceNote(message);
    }

    /** Adds the texts of {@code reference} and of everything it references, dependencies first. */
    private void resolve(SchemaReference reference, Map<String, String> resolved, Set<String> visiting) {
        if (resolved.containsKey(reference.name())) {
            return;
        }
        if (!visiting.add(reference.name())) {
            throw new RegistryException(
                    ErrorKind.INVALID_SCHEMA,
                    "Invalid schema of type AVRO, details: circular reference to " + reference.name());
        }
        SchemaVersion target = referenced(reference);
        for (SchemaReference nested : target.references()) {
            resolve(nested, resolved, visiting);
        }
        resolved.put(reference.name(), target.schema());
    }

    private SchemaVersion referenced(SchemaReference reference) {
        SubjectVersions versions = state.subject(reference.subject()).orElse(null);
        SchemaVersion target = null;
        if (versions != null) {
            target = reference.version() == Versions.LATEST
                    ? versions.latestLive().orElse(null)
                    : versions.version(reference.version()).orElse(null);
        }
        if (target == null) {
            throw new RegistryException(
                    ErrorKind.INVALID_SCHEMA,
                    "Invalid schema of type AVRO, details: "
                            + "No schema reference found for subject \"" + reference.subject() + "\" and version "
                            + reference.version());
        }
        return target;
    }
}
