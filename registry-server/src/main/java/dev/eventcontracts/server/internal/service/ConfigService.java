package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.store.ConfigKey;
import dev.eventcontracts.server.internal.store.ConfigValue;
import java.util.Optional;

/**
 * Compatibility levels: global and per subject, resolved subject → global → server default
 * ({@code schema.compatibility.level}).
 */
public final class ConfigService {

    private final RegistryState state;
    private final WriteGate writes;
    private final CompatibilityLevel serverDefault;

    /** Creates the service. */
    public ConfigService(RegistryState state, WriteGate writes, CompatibilityLevel serverDefault) {
        this.state = state;
        this.writes = writes;
        this.serverDefault = serverDefault;
    }

    /** The level a subject's registrations are checked at. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).flatMap(CompatibilityLevel::parse).orElseGet(this::globalLevel);
    }

    /** The global level, or the server default when none is set. */
    public CompatibilityLevel globalLevel() {
        return state.globalLevel().flatMap(CompatibilityLevel::parse).orElse(serverDefault);
    }

    /**
     * The level configured for {@code subject}.
     *
     * @param defaultToGlobal whether to answer the global level when the subject has none
     * @throws RegistryException 40408 when the subject has none and {@code defaultToGlobal} is false
     */
    public String subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<String> level = state.subjectLevel(subject);
        if (level.isPresent()) {
            return level.get();
        }
        if (defaultToGlobal) {
            return globalLevel().name();
        }
        throw new RegistryException(ErrorKind.SUBJECT_LEVEL_NOT_CONFIGURED, subject);
    }

    /**
     * Sets a level.
     *
     * @param subject the subject, or null for the global level
     * @param levelName the requested level, any case
     * @return the level written
     * @throws RegistryException 42203 for an unknown level, 42208 for an invalid subject
     */
    public CompatibilityLevel set(String subject, String levelName) {
        if (subject != null) {
            Subjects.requireValid(subject);
        }
        CompatibilityLevel level = CompatibilityLevel.parse(levelName)
                .orElseThrow(() -> new RegistryException(ErrorKind.INVALID_COMPATIBILITY_LEVEL));
        return writes.locked(() -> {
            writes.append("Update compatibility level", new ConfigKey(subject), new ConfigValue(subject, level.name()));
            return level;
        });
    }

    /**
     * Removes a level.
     *
     * @param subject the subject, or null for the global level
     * @return the level that applied before (for the global level: the server default when none was set)
     * @throws RegistryException 40408 when the subject has no level of its own
     */
    public String delete(String subject) {
        return writes.locked(() -> {
            String before = subject == null ? globalLevel().name() : subjectLevel(subject, false);
            writes.append("Delete compatibility level", new ConfigKey(subject), null);
            return before;
        });
    }
}
