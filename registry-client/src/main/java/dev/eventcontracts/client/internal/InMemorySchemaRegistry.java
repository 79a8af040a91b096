package dev.eventcontracts.client.internal;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.RegistryLookups;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SchemaRegistry} that keeps its schemas in this object, assigning ids and versions as a Confluent registry
 * does: one global id per distinct schema (equal schemas get the same id under every subject), versions numbered
 * from 1 per subject, registering a schema the subject already has returns its id without a new version, and
 * unknown subjects, versions and ids fail with Confluent's HTTP status, error code and message.
 *
 * <p>It checks no compatibility and does not require referenced subjects to exist: those are the registry
 * server's rules. Thread-safe; {@link #close()} releases nothing, so one instance can serve several serializers
 * and deserializers.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final Map<AvroSchema, Integer> ids = new HashMap<>();
    private final List<AvroSchema> byId = new ArrayList<>();
    private final Map<String, List<RegisteredVersion>> subjects = new HashMap<>();

    /** Creates an empty registry; the first schema registered gets id 1. */
    public InMemorySchemaRegistry() {}

    @Override
    public synchronized int register(String subject, AvroSchema schema, boolean normalize) {
        Objects.requireNonNull(subject, "subject");
        AvroSchema registered = normalize ? schema.normalize() : Objects.requireNonNull(schema, "schema");
        List<RegisteredVersion> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        Optional<RegisteredVersion> existing = find(versions, registered);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        int id = ids.computeIfAbsent(registered, s -> {
            byId.add(s);
            return byId.size();
        });
        versions.add(new RegisteredVersion(subject, versions.size() + 1, id, registered));
        return id;
    }

    @Override
    public synchronized int idOf(String subject, AvroSchema schema, boolean normalize) {
        AvroSchema wanted = normalize ? schema.normalize() : Objects.requireNonNull(schema, "schema");
        return find(versionsOf(subject), wanted)
                .orElseThrow(() -> new RegistryException(404, 40403, "Schema not found", null))
                .id();
    }

    @Override
    public synchronized AvroSchema schemaById(int id) {
        if (id < 1 || id > byId.size()) {
            throw new RegistryException(404, 40403, "Schema " + id + " not found", null);
        }
        return byId.get(id - 1);
    }

    @Override
    public synchronized RegisteredVersion latest(String subject) {
        List<RegisteredVersion> versions = versionsOf(subject);
        return versions.get(versions.size() - 1);
    }

    /**
     * Returns one version of a subject; {@link RegistryLookups#LATEST} ({@code -1}) is the latest, as in the REST
     * API.
     */
    @Override
    public synchronized RegisteredVersion version(String subject, int version) {
        List<RegisteredVersion> versions = versionsOf(subject);
        if (version == RegistryLookups.LATEST) {
            return versions.get(versions.size() - 1);
        }
        if (version < 1 || version > versions.size()) {
            throw new RegistryException(404, 40402, "Version " + version + " not found.", null);
        }
        return versions.get(version - 1);
    }

    /** Releases nothing: the schemas stay and the registry keeps answering. */
    @Override
    public void close() {
        // nothing to release
    }

    private List<RegisteredVersion> versionsOf(String subject) {
        List<RegisteredVersion> versions = subjects.get(Objects.requireNonNull(subject, "subject"));
        if (versions == null) {
            throw new RegistryException(404, 40401, "Subject '" + subject + "' not found.", null);
        }
        return versions;
    }

    private static Optional<RegisteredVersion> find(List<RegisteredVersion> versions, AvroSchema schema) {
        return versions.stream().filter(v -> v.schema().equals(schema)).findFirst();
    }
}
