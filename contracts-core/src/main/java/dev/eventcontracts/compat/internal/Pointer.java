package dev.eventcontracts.compat.internal;

/**
 * A JSON pointer built up while walking a schema, turned into text only when a violation needs it: the walk
 * visits every field of every version, and nearly all of them are fine.
 */
final class Pointer {

    static final Pointer ROOT = new Pointer(null, null);

    private final Pointer parent;
    private final Object token;

    private Pointer(Pointer parent, Object token) {
        this.parent = parent;
        this.token = token;
    }

    /** Returns this pointer with one more token, e.g. {@code "fields"} or a field's position. */
    Pointer child(Object next) {
        return new Pointer(this, next);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return SchemaPaths.ROOT;
        }
        StringBuilder out = new StringBuilder();
        append(out);
        return out.toString();
    }

    private void append(StringBuilder out) {
        if (parent != null) {
            parent.append(out);
            out.append('/').append(token);
        }
    }
}
