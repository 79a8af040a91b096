package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.store.ModeKey;
import dev.eventcontracts.server.internal.store.ModeValue;
import java.util.Optional;

/** Modes (READWRITE, READONLY, READONLY_OVERRIDE, IMPORT): global and per subject. */
public final class ModeService {

    private final RegistryState state;
    private final WriteGate writes;
    private final boolean mutable;

    /**
     * Creates the service.
     *
     * @param mutable whether clients may change modes ({@code mode.mutability})
     */
    public ModeService(RegistryState state, WriteGate writes, boolean mutable) {
        this.state = state;
        this.writes = writes;
        this.mutable = mutable;
    }

    /** The mode that applies to {@code subject}: READONLY_OVERRIDE globally wins, then subject, then global. */
    public Mode effectiveMode(String subject) {
        Mode global = globalMode();
        if (global == Mode.READONLY_OVERRIDE) {
            return global;
        }
        return state.subjectMode(subject).flatMap(Mode::parse).orElse(global);
    }

    /** The global mode, READWRITE when none is set. */
    public Mode globalMode() {
        return state.globalMode().flatMap(Mode::parse).orElse(Mode.READWRITE);
    }

    /**
     * The mode configured for {@code subject}.
     *
     * @throws RegistryException 40409 when the subject has none and {@code defaultToGlobal} is false
     */
    public String subjectMode(String subject, boolean defaultToGlobal) {
        Optional<String> mode = state.subjectMode(subject);
        if (mode.isPresent()) {
            return mode.get();
        }
        if (defaultToGlobal) {
            return globalMode().name();
        }
        throw new RegistryException(ErrorKind.SUBJECT_MODE_NOT_CONFIGURED, subject);
    }

    /**
     * Sets a mode.
     *
     * @param subject the subject, or null for the global mode
     * @param force whether to enter IMPORT although schemas exist
     * @return the mode written
     * @throws RegistryException 42204 for an unknown mode, 42205 when not permitted, 42208 for a bad subject
     */
    public Mode set(String subject, String modeName, boolean force) {
        if (subject != null) {
            Subjects.requireValid(subject);
        }
        Mode mode = Mode.parse(modeName).orElseThrow(() -> new RegistryException(ErrorKind.INVALID_MODE));
        if (!mutable) {
            throw new RegistryException(ErrorKind.OPERATION_NOT_PERMITTED, "Mode changes are not allowed");
        }
        return writes.locked(() -> {
            if (mode == Mode.IMPORT && !force && currentMode(subject) != Mode.IMPORT && hasSchemas(subject)) {
                throw new RegistryException(
                        ErrorKind.OPERATION_NOT_PERMITTED, "Cannot import since found existing subjects");
            }
            writes.append("Update mode", new ModeKey(subject), new ModeValue(subject, mode.name()));
            return mode;
        });
    }

    /**
     * Removes a mode.
     *
     * @return the mode that applied before
     * @throws RegistryException 40409 when the subject has no mode of its own
     */
    public String delete(String subject) {
        if (!mutable) {
            throw new RegistryException(ErrorKind.OPERATION_NOT_PERMITTED, "Mode changes are not allowed");
        }
        return writes.locked(() -> {
            String before = subject == null ? globalMode().name() : subjectMode(subject, false);
            writes.append("Delete mode", new ModeKey(subject), null);
            return before;
        });
    }

    private Mode currentMode(String subject) {
        return subject == null ? globalMode() : effectiveMode(subject);
    }

    private boolean hasSchemas(String subject) {
        return subject == null
                ? state.subjects().stream().anyMatch(s -> s.hasLive())
                : state.subject(subject).map(s -> s.hasLive()).orElse(false);
    }
}
