package dev.eventcontracts.client;

import java.util.List;

/**
 * The read-only calls of Confluent's Schema Registry REST API (v1, as served by Confluent 7.x/8.x).
 *
 * <p>All of these are retried on HTTP 5xx and I/O errors, with failover to the next registry URL, because
 * repeating them cannot change the registry's state; {@link #lookup} and the compatibility checks are
 * {@code POST}s but read-only, so they are retried too. HTTP 4xx answers are never retried.
 *
 * <p>The lists ({@link #subjects}, {@link #versions}, {@link #subjectVersionsById}, {@link #referencedBy}) are read to
 * their end: when the registry answers in pages ({@code offset}/{@code limit}, as Confluent 8 does by its
 * {@code *.search.*.limit} settings), every page is requested until an empty one, so nothing is left out silently;
 * a registry that ignores {@code offset} costs one extra request.
 *
 * <p>Every method throws {@link RegistryException} when the registry answers an error or cannot be reached.
 *
 * @since 0.1.0
 */
public interface RegistryLookups {

    /** The version number that stands for the latest version in paths ({@code latest}). */
    int LATEST = -1;

    /**
     * Returns the schema with a global id ({@code GET /schemas/ids/{id}}).
     *
     * @param id the global schema id
     * @return the schema text, type and references; never null
     * @throws RegistryException {@link RegistryException.Kind#NOT_FOUND} with {@code 40403} when unknown
     */
    SchemaString schemaById(int id);

    /**
     * Returns the schema types the registry supports ({@code GET /schemas/types}).
     *
     * @return e.g. {@code ["JSON", "PROTOBUF", "AVRO"]}; never null
     */
    List<String> schemaTypes();

    /**
     * Returns the subject versions that use a schema id ({@code GET /schemas/ids/{id}/versions}).
     *
     * @param id the global schema id
     * @return the pairs; never null
     */
    List<SubjectVersion> subjectVersionsById(int id);

    /**
     * Lists subjects ({@code GET /subjects?subjectPrefix=&deleted=&deletedOnly=}).
     *
     * @param subjectPrefix only subjects starting with this, or null for all
     * @param deleted whether to include soft-deleted subjects
     * @param deletedOnly whether to list only soft-deleted subjects
     * @return the subject names; never null
     */
    List<String> subjects(String subjectPrefix, boolean deleted, boolean deletedOnly);

    /**
     * Lists the live subjects ({@code GET /subjects}).
     *
     * @return the subject names; never null
     */
    default List<String> subjects() {
        return subjects(null, false, false);
    }

    /**
     * Lists the versions of a subject ({@code GET /subjects/{subject}/versions?deleted=&deletedOnly=}).
     *
     * @param subject the subject; never null
     * @param deleted whether to include soft-deleted versions
     * @param deletedOnly whether to list only soft-deleted versions
     * @return the version numbers, ascending; never null
     * @throws RegistryException {@link RegistryException.Kind#NOT_FOUND} with {@code 40401} for an unknown subject
     */
    List<Integer> versions(String subject, boolean deleted, boolean deletedOnly);

    /**
     * Lists the live versions of a subject ({@code GET /subjects/{subject}/versions}).
     *
     * @param subject the subject; never null
     * @return the version numbers, ascending; never null
     */
    default List<Integer> versions(String subject) {
        return versions(subject, false, false);
    }

    /**
     * Returns one version of a subject ({@code GET /subjects/{subject}/versions/{version}?deleted=}).
     *
     * @param subject the subject; never null
     * @param version the version number, or {@link #LATEST}
     * @param deleted whether a soft-deleted version may be answered
     * @return the version; never null
     * @throws RegistryException {@link RegistryException.Kind#NOT_FOUND} with {@code 40401} or {@code 40402}
     */
    SubjectSchema version(String subject, int version, boolean deleted);

    /**
     * Returns one live version of a subject ({@code GET /subjects/{subject}/versions/{version}}).
     *
     * @param subject the subject; never null
     * @param version the version number, or {@link #LATEST}
     * @return the version; never null
     */
    default SubjectSchema version(String subject, int version) {
        return version(subject, version, false);
    }

    /**
     * Returns the latest live version of a subject ({@code GET /subjects/{subject}/versions/latest}).
     *
     * @param subject the subject; never null
     * @return the version; never null
     */
    default SubjectSchema latestVersion(String subject) {
        return version(subject, LATEST, false);
    }

    /**
     * Returns only the schema text of a version ({@code GET /subjects/{subject}/versions/{version}/schema}).
     *
     * @param subject the subject; never null
     * @param version the version number, or {@link #LATEST}
     * @return the schema JSON text exactly as answered; never null
     */
    String rawSchema(String subject, int version);

    /**
     * Finds the version of a subject that holds a schema ({@code POST /subjects/{subject}?normalize=&deleted=}).
     *
     * @param subject the subject; never null
     * @param request the schema to look for; never null
     * @param normalize whether the registry should normalize the schema before comparing
     * @param deleted whether soft-deleted versions count
     * @return the version; never null
     * @throws RegistryException {@link RegistryException.Kind#NOT_FOUND} with {@code 40401} (no such subject)
     *     or {@code 40403} (schema not registered there)
     */
    SubjectSchema lookup(String subject, RegisterSchemaRequest request, boolean normalize, boolean deleted);

    /**
     * Lists the ids of schemas that reference a version
     * ({@code GET /subjects/{subject}/versions/{version}/referencedby}).
     *
     * @param subject the subject; never null
     * @param version the version number, or {@link #LATEST}
     * @return the schema ids; never null
     */
    List<Integer> referencedBy(String subject, int version);

    /**
     * Checks a schema against one version of a subject
     * ({@code POST /compatibility/subjects/{subject}/versions/{version}?normalize=&verbose=}).
     *
     * @param subject the subject; never null
     * @param version the version number, or {@link #LATEST}
     * @param request the schema to check; never null
     * @param normalize whether the registry should normalize the schema first
     * @param verbose whether the registry should explain an incompatibility in {@code messages}
     * @return the verdict; never null
     */
    CompatibilityCheckResponse testCompatibility(
            String subject, int version, RegisterSchemaRequest request, boolean normalize, boolean verbose);

    /**
     * Checks a schema against the versions of a subject that its compatibility level names
     * ({@code POST /compatibility/subjects/{subject}/versions?normalize=&verbose=}).
     *
     * @param subject the subject; never null
     * @param request the schema to check; never null
     * @param normalize whether the registry should normalize the schema first
     * @param verbose whether the registry should explain an incompatibility in {@code messages}
     * @return the verdict; never null
     */
    CompatibilityCheckResponse testCompatibilityAll(
            String subject, RegisterSchemaRequest request, boolean normalize, boolean verbose);
}
