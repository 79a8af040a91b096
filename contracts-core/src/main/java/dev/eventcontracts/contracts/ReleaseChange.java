package dev.eventcontracts.contracts;

import java.util.Objects;

/**
 * One thing a release changes against the release before it: a topic, an event type, a named type, a field or an
 * enum symbol added or removed, or a type changed in another way (docs, defaults, field types). What
 * {@code contracts:release} prints, so that whoever releases sees what consumers will get.
 *
 * @param kind what changed; never null
 * @param name what it concerns: a topic name, a type's full name, {@code Type.field} or {@code Enum.SYMBOL}; never
 *     null
 * @param detail more about it, e.g. a new field's type and default; empty when there is nothing to add; never null
 * @since 0.1.0
 */
public record ReleaseChange(Kind kind, String name, String detail) {

    /** What a release changes. */
    public enum Kind {
        /** A topic the previous release did not declare. */
        TOPIC_ADDED("new topic"),
        /** An event type a topic now carries. */
        EVENT_TYPE_ADDED("new event type"),
        /** A named type (record, enum or fixed) no earlier type defined. */
        TYPE_ADDED("new type"),
        /** A field of an existing record. */
        FIELD_ADDED("new field"),
        /** A symbol of an existing enum. */
        SYMBOL_ADDED("new symbol"),
        /** A topic the release no longer declares. */
        TOPIC_REMOVED("removed topic"),
        /** An event type a topic no longer carries. */
        EVENT_TYPE_REMOVED("removed event type"),
        /** A named type no longer defined. */
        TYPE_REMOVED("removed type"),
        /** A field removed from a record. */
        FIELD_REMOVED("removed field"),
        /** A symbol removed from an enum. */
        SYMBOL_REMOVED("removed symbol"),
        /** A type changed otherwise: a doc, a default, an alias, a field's type, a property. */
        TYPE_CHANGED("changed type");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Returns how the change is introduced in a line, e.g. {@code new field}; never null. */
        public String label() {
            return label;
        }
    }

    /** Checks the parts. */
    public ReleaseChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Describes the change in one line, e.g. {@code new field dev.acme.Payment.note: union of null, string; default
     * null}.
     *
     * @return the line; never null
     */
    public String describe() {
        return kind.label() + " " + name + (detail.isEmpty() ? "" : ": " + detail);
    }
}
