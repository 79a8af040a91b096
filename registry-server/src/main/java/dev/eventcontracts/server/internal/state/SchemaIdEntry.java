package dev.eventcontracts.server.internal.state;

import dev.eventcontracts.schema.SchemaReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One schema id: the schema text and references it stands for, and the subject versions registered with it.
 *
 * <p>The subject versions live in a {@link ConcurrentHashMap} on purpose: Confluent keeps them in one and answers
 * {@code GET /schemas/ids/{id}} and {@code /versions} in that map's iteration order, so the same structure gives
 * the same answers. Only the state's applier thread mutates it.
 */
public final class SchemaIdEntry {

    private final int id;
    private final String guid;
    private final String schemaType;
    private final List<SchemaReference> references;
    private final String schema;
    private final ConcurrentHashMap<String, Integer> subjectVersions = new ConcurrentHashMap<>();
    private volatile int changes;

    SchemaIdEntry(int id, String guid, String schemaType, List<SchemaReference> references, String schema) {
        this.id = id;
        this.guid = guid;
        this.schemaType = schemaType;
        this.references = List.copyOf(references);
        this.schema = schema;
    }

    public int id() {
        return id;
    }

    public String guid() {
        return guid;
    }

    public String schemaType() {
        return schemaType;
    }

    public List<SchemaReference> references() {
        return references;
    }

    public String schema() {
        return schema;
    }

    /** The subject versions holding this id, in Confluent's order, as (subject, version) pairs. */
    public List<Map.Entry<String, Integer>> subjectVersions() {
        return new ArrayList<>(subjectVersions.entrySet());
    }

    /** The version of {@code subject} holding this id, or null. */
    public Integer versionOf(String subject) {
        return subjectVersions.get(subject);
    }

    /** How often what this id answers has changed; a cached answer is valid only for the count it was built at. */
    int changes() {
        return changes;
    }

    void put(String subject, int version) {
        subjectVersions.put(subject, version);
    }

    void remove(String subject, int version) {
        subjectVersions.remove(subject, version);
    }

    boolean isEmpty() {
        return subjectVersions.isEmpty();
    }

    /** Called by the applier thread only, after every change of the versions holding this id. */
    void changed() {
        changes++;
    }
}
