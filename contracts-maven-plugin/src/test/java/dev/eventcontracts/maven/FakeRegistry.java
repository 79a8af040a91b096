package dev.eventcontracts.maven;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.maven.internal.RegistryGateway;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory registry for goal tests: records every write, or fails every call as unreachable. */
final class FakeRegistry implements RegistryGateway {

    final Map<String, List<RegisteredVersion>> subjects = new LinkedHashMap<>();
    final Map<String, CompatibilityLevel> levels = new HashMap<>();
    final List<String> writes = new ArrayList<>();
    CompatibilityLevel global = CompatibilityLevel.BACKWARD;
    /** What the registry reads for a subject without a level of its own: none (Confluent), or NONE (Apicurio 3). */
    CompatibilityLevel unsetSubjectLevel;
    /** Whether deleting a subject's level NONE leaves NONE in force (Apicurio 3) instead of the global level. */
    boolean keepsNoneOnDelete;

    boolean unreachable;
    private int nextId = 1;

    static FakeRegistry unreachable() {
        FakeRegistry r = new FakeRegistry();
        r.unreachable = true;
        return r;
    }

    private void call() {
        if (unreachable) {
            throw new RegistryException(0, 0, "Connection refused: http://localhost:1", null);
        }
    }

    @Override
    public List<String> subjects() {
        call();
        return List.copyOf(subjects.keySet());
    }

    @Override
    public List<RegisteredVersion> versions(String subject) {
        call();
        return List.copyOf(subjects.getOrDefault(subject, List.of()));
    }

    @Override
    public RegisteredVersion version(String subject, int version) {
        call();
        List<RegisteredVersion> list = subjects.get(subject);
        if (list == null) {
            throw new RegistryException(404, 40401, "Subject '" + subject + "' not found.", null);
        }
        return version == -1 ? list.get(list.size() - 1) : list.get(version - 1);
    }

    @Override
    public CompatibilityLevel effectiveLevel(String subject) {
        call();
        return levels.getOrDefault(subject, global);
    }

    @Override
    public CompatibilityLevel globalLevel() {
        call();
        return global;
    }

    @Override
    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        call();
        return Optional.ofNullable(levels.getOrDefault(subject, unsetSubjectLevel));
    }

    @Override
    public Optional<RegisteredVersion> lookup(String subject, AvroSchema schema, boolean normalize) {
        call();
        return subjects.getOrDefault(subject, List.of()).stream()
                .filter(v -> v.schema().equals(schema))
                .findFirst();
    }

    @Override
    public int register(String subject, AvroSchema schema, boolean normalize) {
        call();
        Optional<RegisteredVersion> existing = lookup(subject, schema, normalize);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        List<RegisteredVersion> list = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        RegisteredVersion v = new RegisteredVersion(subject, list.size() + 1, nextId++, schema);
        list.add(v);
        writes.add("register " + subject + " v" + v.version());
        return v.id();
    }

    @Override
    public void setLevel(String subject, CompatibilityLevel level) {
        call();
        if (subject == null) {
            global = level;
        } else {
            levels.put(subject, level);
        }
        writes.add("level " + subject + " " + level);
    }

    @Override
    public void deleteLevel(String subject) {
        call();
        if (subject == null) {
            global = CompatibilityLevel.BACKWARD;
        } else if (!(keepsNoneOnDelete && levels.get(subject) == CompatibilityLevel.NONE)) {
            levels.remove(subject);
        }
        writes.add("delete level " + subject);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
