package dev.eventcontracts.server.internal.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log's own check that schema ids stay unique: it follows every applied record and refuses an append whose
 * schema id already names a different schema, or whose subject version already holds a different schema.
 *
 * <p>Why the log checks at all: the registry computes the next id and version from its state and then appends.
 * If writership moved away and back in between (a long pause), that state may miss records written by another
 * instance; the log, which has applied everything before it appends, catches it. Re-appending the same content
 * (a soft delete, a retried request) is allowed.
 *
 * <p>{@link #applied} is called by the log's single applying thread, {@link #check} by its writing thread.
 */
public final class WriteGuard {

    /** What makes two registrations the same schema (deleted flag and unmodelled fields aside). */
    private record Content(
            String schemaType, List<dev.eventcontracts.schema.SchemaReference> references, String schema) {

        static Content of(SchemaValue v) {
            return new Content(v.schemaType(), v.references(), v.schema());
        }
    }

    private record Registration(int id, Content content) {}

    private final Map<SchemaKey, Registration> versions = new ConcurrentHashMap<>();
    private final Map<Integer, Content> ids = new ConcurrentHashMap<>();

    /** Follows one applied record. */
    public void applied(RegistryKey key, RegistryValue value) {
        if (!(key instanceof SchemaKey schemaKey)) {
            if (key instanceof ClearSubjectKey clear) {
                versions.keySet().removeIf(k -> k.subject().equals(clear.subject()));
            }
            return;
        }
        if (value instanceof SchemaValue schema) {
            Content content = Content.of(schema);
            versions.put(schemaKey, new Registration(schema.id(), content));
            ids.putIfAbsent(schema.id(), content);
        } else if (value == null) {
            versions.remove(schemaKey);
        }
    }

    /**
     * Checks an append against everything applied so far.
     *
     * @throws WriteConflictException naming the id or version when the append contradicts the log
     */
    public void check(RegistryKey key, RegistryValue value) {
        if (!(key instanceof SchemaKey schemaKey) || !(value instanceof SchemaValue schema)) {
            return;
        }
        Content content = Content.of(schema);
        Registration existing = versions.get(schemaKey);
        if (existing != null
                && (existing.id() != schema.id() || !existing.content().equals(content))) {
            throw new WriteConflictException("subject '" + schemaKey.subject() + "' version " + schemaKey.version()
                    + " already holds schema id " + existing.id() + "; the write was computed from stale state");
        }
        Content owner = ids.get(schema.id());
        if (owner != null && !Objects.equals(owner, content)) {
            throw new WriteConflictException("schema id " + schema.id()
                    + " already belongs to a different schema; the write was computed from stale state");
        }
    }
}
