package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A soft delete of a whole subject, as Confluent stores it: {@code {"subject":"s","version":3}} — every version
 * up to and including {@code version} is marked deleted.
 *
 * @param subject the subject; never null
 * @param version the highest version the delete covers
 * @param extras fields this registry does not model (see {@link RegistryValue#extras()})
 */
public record DeleteSubjectValue(String subject, int version, ObjectNode extras) implements RegistryValue {

    /** Validates and copies. */
    public DeleteSubjectValue {
        Objects.requireNonNull(subject, "subject");
        extras = Extras.copy(extras);
    }

    /** A subject delete without unmodelled fields (what this registry writes). */
    public DeleteSubjectValue(String subject, int version) {
        this(subject, version, null);
    }

    @Override
    public ObjectNode extras() {
        return extras.deepCopy();
    }
}
