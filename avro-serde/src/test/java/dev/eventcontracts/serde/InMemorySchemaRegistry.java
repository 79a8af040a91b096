package dev.eventcontracts.serde;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry double for unit tests: ids by schema equality as a Confluent registry assigns them, 404 answers
 * with Confluent's error codes, call counting, and an injectable failure for every call.
 */
final class InMemorySchemaRegistry implements SchemaRegistry {

    private final Map<AvroSchema, Integer> ids = new HashMap<>();
    private final Map<Integer, AvroSchema> byId = new HashMap<>();
    private final Map<String, List<RegisteredVersion>> subjects = new HashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile RegistryException failure;

    /** Makes every following call throw this exception; null restores normal answers. */
    void failWith(RegistryException e) {
        this.failure = e;
    }

    /** Returns how many calls were made. */
    int calls() {
        return calls.get();
    }

    @Override
    public synchronized int register(String subject, AvroSchema schema, boolean normalize) {
        enter();
        List<RegisteredVersion> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        for (RegisteredVersion v : versions) {
            if (v.schema().equals(schema)) {
                return v.id();
            }
        }
        int id = ids.computeIfAbsent(schema, s -> ids.size() + 1);
        byId.put(id, schema);
        versions.add(new RegisteredVersion(subject, versions.size() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized int idOf(String subject, AvroSchema schema, boolean normalize) {
        enter();
        List<RegisteredVersion> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryException(404, 40401, "Subject '" + subject + "' not found.", null);
        }
        return versions.stream().filter(v -> v.schema().equals(schema)).findFirst()
                .orElseThrow(() -> new RegistryException(404, 40403, "Schema not found", null)).id();
    }

    @Override
    public synchronized AvroSchema schemaById(int id) {
        enter();
        AvroSchema schema = byId.get(id);
        if (schema == null) {
            throw new RegistryException(404, 40403, "Schema " + id + " not found", null);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredVersion latest(String subject) {
        enter();
        List<RegisteredVersion> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryException(404, 40401, "Subject '" + subject + "' not found.", null);
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized RegisteredVersion version(String subject, int version) {
        enter();
        List<RegisteredVersion> versions = subjects.get(subject);
        if (versions == null || version < 1 || version > versions.size()) {
            throw new RegistryException(404, 40402, "Version " + version + " not found.", null);
        }
        return versions.get(version - 1);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private void enter() {
        calls.incrementAndGet();
        RegistryException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
