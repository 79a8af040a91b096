package dev.eventcontracts.schema;

import java.util.Objects;

/**
 * One difference between two versions of an Avro schema, at the level people read a contract: a named type, a field
 * or an enum symbol added, removed or changed. What {@link SchemaDiff} returns; the contract catalog shows it as a
 * type's history and the registry's UI as the diff of two versions.
 *
 * @param kind what changed; never null
 * @param type the full name of the named type it concerns, e.g. {@code dev.acme.OrderCreated}; never null
 * @param member the field or symbol it concerns; empty for a change of the type itself; never null
 * @param before how the member or type was, e.g. {@code string; no default}; empty when it did not exist; never null
 * @param after how it is now, e.g. {@code union of null, Address; default null}; empty when it no longer exists;
 *     never null
 * @since 0.1.0
 */
public record SchemaChange(Kind kind, String type, String member, String before, String after) {

    /** What changed. */
    public enum Kind {
        /** A named type (record, enum, fixed) the older version did not have. */
        TYPE_ADDED("type added"),
        /** A named type the newer version no longer has. */
        TYPE_REMOVED("type removed"),
        /** A named type changed itself: its kind, its doc, its enum default, its aliases or its fixed size. */
        TYPE_CHANGED("type changed"),
        /** A field of a record. */
        FIELD_ADDED("field added"),
        /** A field removed from a record. */
        FIELD_REMOVED("field removed"),
        /** A field whose type, default or doc changed. */
        FIELD_CHANGED("field changed"),
        /** A symbol of an enum. */
        SYMBOL_ADDED("symbol added"),
        /** A symbol removed from an enum. */
        SYMBOL_REMOVED("symbol removed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Returns how people read the kind, e.g. {@code field added}; never null. */
        public String label() {
            return label;
        }
    }

    /** Checks the parts. */
    public SchemaChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** Returns what the change concerns: {@code Type.member}, or the type's full name for a type change. */
    public String path() {
        return member.isEmpty() ? type : type + "." + member;
    }

    /**
     * Describes the change in one line, e.g. {@code field added dev.acme.Order.note: union of null, string; default
     * null} or {@code field changed dev.acme.Order.total: int; no default -> long; no default}.
     *
     * @return the line; never null
     */
    public String describe() {
        String detail;
        if (!before.isEmpty() && !after.isEmpty()) {
            detail = before + " -> " + after;
        } else {
            detail = before.isEmpty() ? after : before;
        }
        return kind.label() + " " + path() + (detail.isEmpty() ? "" : ": " + detail);
    }
}
