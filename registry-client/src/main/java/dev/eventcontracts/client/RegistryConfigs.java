package dev.eventcontracts.client;

/**
 * The compatibility-level and mode calls of Confluent's Schema Registry REST API, global and per subject.
 *
 * <p>Reads are retried on HTTP 5xx and I/O errors; updates and deletes only when the request provably
 * never reached a registry (see {@link RegistryWrites}). Every method throws {@link RegistryException} when
 * the registry answers an error or cannot be reached.
 *
 * @since 0.1.0
 */
public interface RegistryConfigs {

    /**
     * Returns the global compatibility level ({@code GET /config}).
     *
     * @return the configuration; never null
     */
    CompatibilityConfig globalConfig();

    /**
     * Sets the global compatibility level ({@code PUT /config}).
     *
     * @param update the new configuration; never null
     * @return the registry's echo of the update; never null
     */
    CompatibilityUpdate updateGlobalConfig(CompatibilityUpdate update);

    /**
     * Resets the global compatibility level to the registry's default ({@code DELETE /config}).
     *
     * @return the configuration that was removed; never null
     */
    CompatibilityConfig deleteGlobalConfig();

    /**
     * Returns the compatibility level of a subject ({@code GET /config/{subject}?defaultToGlobal=}).
     *
     * <p>With {@code defaultToGlobal}, a subject the registry does not know has the global level, as Confluent
     * answers: a registry that answers {@code 404 40401} instead (Apicurio 3), or {@code 404 40408} (a registry
     * that ignores the parameter), is asked for the global level ({@code GET /config}). Without it, some registries (Apicurio 3) answer {@code NONE} for an existing
     * subject that has no level of its own instead of {@code 40408}: compare with the effective level before
     * taking {@code NONE} for a level set on the subject.
     *
     * @param subject the subject; never null
     * @param defaultToGlobal whether to answer the global level when the subject has none
     * @return the configuration; never null
     * @throws RegistryException {@link RegistryException.Kind#NOT_FOUND} with {@code 40408} (Confluent) or
     *     {@code 40401} (a subject the registry does not know) when the subject has no level of its own and
     *     {@code defaultToGlobal} is false
     */
    CompatibilityConfig subjectConfig(String subject, boolean defaultToGlobal);

    /**
     * Sets the compatibility level of a subject ({@code PUT /config/{subject}}).
     *
     * @param subject the subject; never null
     * @param update the new configuration; never null
     * @return the registry's echo of the update; never null
     */
    CompatibilityUpdate updateSubjectConfig(String subject, CompatibilityUpdate update);

    /**
     * Removes the compatibility level of a subject ({@code DELETE /config/{subject}}).
     *
     * @param subject the subject; never null
     * @return the configuration that was removed; never null
     */
    CompatibilityConfig deleteSubjectConfig(String subject);

    /**
     * Returns the global mode ({@code GET /mode}).
     *
     * @return the mode; never null
     */
    ModeConfig globalMode();

    /**
     * Sets the global mode ({@code PUT /mode?force=}).
     *
     * @param mode e.g. {@code READONLY} or {@code IMPORT}; never null
     * @param force whether to switch to {@code IMPORT} although schemas exist
     * @return the registry's echo; never null
     */
    ModeConfig updateGlobalMode(String mode, boolean force);

    /**
     * Resets the global mode to the registry's default ({@code DELETE /mode}).
     *
     * @return the mode that was removed; never null
     */
    ModeConfig deleteGlobalMode();

    /**
     * Returns the mode of a subject ({@code GET /mode/{subject}?defaultToGlobal=}).
     *
     * @param subject the subject; never null
     * @param defaultToGlobal whether to answer the global mode when the subject has none
     * @return the mode; never null
     * @throws RegistryException {@link RegistryException.Kind#NOT_FOUND} with {@code 40409} when the subject has
     *     no mode of its own and {@code defaultToGlobal} is false
     */
    ModeConfig subjectMode(String subject, boolean defaultToGlobal);

    /**
     * Sets the mode of a subject ({@code PUT /mode/{subject}?force=}).
     *
     * @param subject the subject; never null
     * @param mode e.g. {@code READONLY}; never null
     * @param force whether to switch to {@code IMPORT} although the subject has schemas
     * @return the registry's echo; never null
     */
    ModeConfig updateSubjectMode(String subject, String mode, boolean force);

    /**
     * Removes the mode of a subject ({@code DELETE /mode/{subject}}).
     *
     * @param subject the subject; never null
     * @return the mode that was removed; never null
     */
    ModeConfig deleteSubjectMode(String subject);
}
