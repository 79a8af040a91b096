package dev.eventcontracts.client;

import java.util.List;

/**
 * The calls of Confluent's Schema Registry REST API that create or delete schema versions.
 *
 * <p>These are retried, and failed over to the next URL, only when the request provably never reached a
 * registry (connection refused, connect timeout). After an HTTP 5xx or a response timeout the registry may
 * already have applied the change, and repeating a delete would then answer a misleading {@code 40406};
 * the error is returned to the caller instead. Repeating a {@link #register} yourself is safe: a
 * Confluent-compatible registry answers the existing id for a schema already registered under the subject.
 *
 * <p>Every method throws {@link RegistryException} when the registry answers an error or cannot be reached.
 *
 * @since 0.1.0
 */
public interface RegistryWrites {

    /**
     * Registers a schema under a subject, or answers its id when it is already registered there
     * ({@code POST /subjects/{subject}/versions?normalize=}).
     *
     * @param subject the subject; never null
     * @param request the schema; never null
     * @param normalize whether the registry should normalize the schema first
     * @return the id (and, from newer registries, the version); never null
     * @throws RegistryException {@link RegistryException.Kind#CONFLICT} (HTTP 409) when incompatible: the
     *     {@code error_code} is {@code 40901} from Confluent 8 and our registry, {@code 409} from older
     *     Confluent releases and Apicurio, so branch on the kind or the status;
     *     {@link RegistryException.Kind#INVALID} with {@code 42201} when the schema is invalid
     */
    RegisterSchemaResponse register(String subject, RegisterSchemaRequest request, boolean normalize);

    /**
     * Deletes a subject ({@code DELETE /subjects/{subject}?permanent=}); a permanent delete needs a soft
     * delete first.
     *
     * @param subject the subject; never null
     * @param permanent whether to delete permanently (hard delete)
     * @return the versions deleted; never null
     */
    List<Integer> deleteSubject(String subject, boolean permanent);

    /**
     * Deletes one version of a subject ({@code DELETE /subjects/{subject}/versions/{version}?permanent=}).
     *
     * @param subject the subject; never null
     * @param version the version number, or {@link RegistryLookups#LATEST}
     * @param permanent whether to delete permanently (hard delete)
     * @return the version deleted
     */
    int deleteVersion(String subject, int version, boolean permanent);
}
