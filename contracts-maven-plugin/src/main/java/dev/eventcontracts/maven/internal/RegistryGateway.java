package dev.eventcontracts.maven.internal;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.schema.AvroSchema;
import java.util.List;
import java.util.Optional;

/**
 * The registry operations the goals use. Every method may throw {@link RegistryException}; status {@code 0}
 * means the registry gave no answer.
 */
public interface RegistryGateway extends AutoCloseable {

    /**
     * Lists all subjects.
     *
     * @return the subjects; never null
     */
    List<String> subjects();

    /**
     * Returns every live version of a subject, oldest first, with references resolved.
     *
     * @param subject the subject; never null
     * @return the versions; empty when the subject does not exist
     */
    List<RegisteredVersion> versions(String subject);

    /**
     * Returns one version of a subject.
     *
     * @param subject the subject; never null
     * @param version the version, or {@code -1} for the latest
     * @return the version; never null
     */
    RegisteredVersion version(String subject, int version);

    /**
     * Returns the level the registry enforces for a subject: its own, else the global one.
     *
     * @param subject the subject; never null
     * @return the effective level; never null
     */
    CompatibilityLevel effectiveLevel(String subject);

    /**
     * Returns the global level: the one a subject without a level of its own runs at.
     *
     * @return the global level; never null
     */
    CompatibilityLevel globalLevel();

    /**
     * Returns the level set on a subject itself.
     *
     * @param subject the subject; never null
     * @return the subject's own level, empty when it has none
     */
    Optional<CompatibilityLevel> subjectLevel(String subject);

    /**
     * Looks a schema up under a subject.
     *
     * @param subject the subject; never null
     * @param schema the schema; never null
     * @param normalize whether the registry normalizes before comparing
     * @return the version holding it, empty when it is not registered there
     */
    Optional<RegisteredVersion> lookup(String subject, AvroSchema schema, boolean normalize);

    /**
     * Registers a schema, or returns its id when already registered.
     *
     * @param subject the subject; never null
     * @param schema the schema; never null
     * @param normalize whether the registry normalizes first
     * @return the global schema id
     */
    int register(String subject, AvroSchema schema, boolean normalize);

    /**
     * Sets the level of a subject, or the global level.
     *
     * @param subject the subject; null for the global level
     * @param level the level; never null
     */
    void setLevel(String subject, CompatibilityLevel level);

    /**
     * Deletes the level of a subject (it falls back to the global one), or resets the global level.
     *
     * @param subject the subject; null for the global level
     */
    void deleteLevel(String subject);

    /** Releases HTTP resources. */
    @Override
    void close();
}
