package dev.eventcontracts.benchmarks.serde;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry in memory for serde benchmarks: the serde's hot path makes no registry call once an id is known,
 * so the benchmark measures the serde, not HTTP. Ids are assigned by schema equality.
 */
final class MemoryRegistry implements SchemaRegistry {

    private final Map<AvroSchema, Integer> ids = new ConcurrentHashMap<>();
    private final List<AvroSchema> byId = new ArrayList<>();

    @Override
    public synchronized int register(String subject, AvroSchema schema, boolean normalize) {
        return ids.computeIfAbsent(schema, s -> {
            byId.add(s);
            return byId.size();
        });
    }

    @Override
    public synchronized int idOf(String subject, AvroSchema schema, boolean normalize) {
        Integer id = ids.get(schema);
        if (id == null) {
            throw new RegistryException(404, 40403, "Schema not found", null);
        }
        return id;
    }

    @Override
    public synchronized AvroSchema schemaById(int id) {
        if (id < 1 || id > byId.size()) {
            throw new RegistryException(404, 40403, "Schema " + id + " not found", null);
        }
        return byId.get(id - 1);
    }

    @Override
    public RegisteredVersion latest(String subject) {
        throw new RegistryException(404, 40401, "Subject '" + subject + "' not found", null);
    }

    @Override
    public RegisteredVersion version(String subject, int version) {
        throw new RegistryException(404, 40401, "Subject '" + subject + "' not found", null);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
