package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A registry in memory; {@link #down} makes every call fail as an unreachable registry does. */
final class FakeRegistry implements SchemaRegistry {

    private final List<AvroSchema> byId = new ArrayList<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();
    volatile boolean down;

    @Override
    public synchronized int register(String subject, AvroSchema schema, boolean normalize) {
        check();
        int id = byId.indexOf(schema) + 1;
        if (id == 0) {
            byId.add(schema);
            id = byId.size();
        }
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int idOf(String subject, AvroSchema schema, boolean normalize) {
        check();
        int id = byId.indexOf(schema) + 1;
        if (id == 0 || !subjects.getOrDefault(subject, List.of()).contains(id)) {
            throw new RegistryException(404, 40403, "Schema not found", null);
        }
        return id;
    }

    @Override
    public synchronized AvroSchema schemaById(int id) {
        check();
        if (id < 1 || id > byId.size()) {
            throw new RegistryException(404, 40403, "Schema " + id + " not found", null);
        }
        return byId.get(id - 1);
    }

    @Override
    public synchronized RegisteredVersion latest(String subject) {
        List<Integer> versions = subjects.get(subject);
        return version(subject, versions == null ? 0 : versions.size());
    }

    @Override
    public synchronized RegisteredVersion version(String subject, int version) {
        check();
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        if (version < 1 || version > versions.size()) {
            throw new RegistryException(404, 40402, "Version not found", null);
        }
        int id = versions.get(version - 1);
        return new RegisteredVersion(subject, version, id, byId.get(id - 1));
    }

    @Override
    public void close() {}

    private void check() {
        if (down) {
            throw new RegistryException(0, 0, "Connection refused", null);
        }
    }
}
