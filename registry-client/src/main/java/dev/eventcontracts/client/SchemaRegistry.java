package dev.eventcontracts.client;

import dev.eventcontracts.schema.AvroSchema;

/**
 * The registry operations a serializer or deserializer needs, on parsed schemas, behind caches.
 *
 * <p>Implementations are thread-safe and answer repeated calls from memory: the hot path of a serde makes no
 * HTTP call once an id or schema is known. Caches are keyed by schema equality ({@link AvroSchema#equals}),
 * not object identity. Failures are {@link RegistryException}s carrying the HTTP status and Confluent
 * {@code error_code}.
 */
public interface SchemaRegistry extends AutoCloseable {

    /**
     * Registers a schema under a subject, or returns its id when it is already registered there.
     *
     * @param subject the subject; never null
     * @param schema the schema with its references; never null
     * @param normalize whether to normalize the schema first, as Confluent does: the client sends the
     *     normalized text with {@code normalize=true}, so the answer does not depend on the registry's own
     *     normalization (Apicurio 3 does not sort custom properties)
     * @return the global schema id
     */
    int register(String subject, AvroSchema schema, boolean normalize);

    /**
     * Looks up the id of a schema already registered under a subject ({@code POST /subjects/{subject}}).
     *
     * @param subject the subject; never null
     * @param schema the schema; never null
     * @param normalize whether to normalize before comparing, as {@link #register} does
     * @return the global schema id
     * @throws RegistryException with error code 40401 or 40403 when it is not registered
     */
    int idOf(String subject, AvroSchema schema, boolean normalize);

    /**
     * Returns the schema with the given global id, with its references resolved.
     *
     * @param id the global schema id
     * @return the schema; never null
     * @throws RegistryException with error code 40403 when no schema has that id
     */
    AvroSchema schemaById(int id);

    /**
     * Returns the latest version of a subject; cached for the configured latest-TTL.
     *
     * @param subject the subject; never null
     * @return the latest live version; never null
     */
    RegisteredVersion latest(String subject);

    /**
     * Returns one version of a subject.
     *
     * @param subject the subject; never null
     * @param version the version number
     * @return the version; never null
     */
    RegisteredVersion version(String subject, int version);

    /** Releases HTTP resources; a closed instance answers nothing new. */
    @Override
    void close();
}
