package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The removal of a subject's soft-deleted versions from memory, as Confluent stores it: {@code {"subject":"s"}}.
 *
 * @param subject the subject; never null
 * @param extras fields this registry does not model (see {@link RegistryValue#extras()})
 */
public record ClearSubjectValue(String subject, ObjectNode extras) implements RegistryValue {

    /** Validates and copies. */
    public ClearSubjectValue {
        Objects.requireNonNull(subject, "subject");
        extras = Extras.copy(extras);
    }

    /** A clear without unmodelled fields (what this registry writes). */
    public ClearSubjectValue(String subject) {
        this(subject, null);
    }

    @Override
    public ObjectNode extras() {
        return extras.deepCopy();
    }
}
