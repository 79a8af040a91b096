package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Defensive copies of the unmodelled fields of a {@link RegistryValue}. */
final class Extras {

    private Extras() {}

    /** An empty extras node. */
    static ObjectNode none() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A copy of {@code extras}, or an empty node for null. */
    static ObjectNode copy(ObjectNode extras) {
        return extras == null ? none() : extras.deepCopy();
    }
}
