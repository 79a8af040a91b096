package dev.eventcontracts.producer.internal;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistry;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Finds the registered version of a subject that holds a given schema, e.g. the value union of contract v1.
 *
 * <p>Why by content and not "version 1": registry version numbers count registrations, not contract releases
 * (a subject may have been re-created, or a release registered twice). Schemas are compared by Avro's parsing
 * canonical form, which ignores docs and properties such as {@code avro.java.string} but sees every field,
 * type and enum symbol, so v1 and v2 are told apart.
 */
public final class RegisteredVersions {

    private RegisteredVersions() {}

    /**
     * Returns the newest version of the subject whose schema equals the given one.
     *
     * @param registry the registry; never null
     * @param subject the subject; never null
     * @param schema the schema to find, with referenced types inlined; never null
     * @return the version with its global id; never null
     * @throws IllegalStateException when no version of the subject holds the schema, or the subject is missing
     */
    public static RegisteredVersion find(SchemaRegistry registry, String subject, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        long wanted = SchemaNormalization.parsingFingerprint64(schema);
        RegisteredVersion latest;
        try {
            latest = registry.latest(subject);
        } catch (RegistryException e) {
            throw new IllegalStateException(
                    "subject '" + subject + "' cannot be read from the registry: " + e.getMessage()
                            + "; register the contracts first",
                    e);
        }
        for (int version = latest.version(); version >= 1; version--) {
            RegisteredVersion candidate =
                    version == latest.version() ? latest : versionOrNull(registry, subject, version);
            if (candidate != null
                    && SchemaNormalization.parsingFingerprint64(
                                    candidate.schema().rawSchema())
                            == wanted) {
                return candidate;
            }
        }
        throw new IllegalStateException("no version of subject '" + subject + "' (1.." + latest.version()
                + ") holds the schema " + schema.getFullName() + " " + schema + "; register that contract release "
                + "first");
    }

    private static RegisteredVersion versionOrNull(SchemaRegistry registry, String subject, int version) {
        try {
            return registry.version(subject, version);
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                return null; // a soft-deleted version
            }
            throw e;
        }
    }
}
