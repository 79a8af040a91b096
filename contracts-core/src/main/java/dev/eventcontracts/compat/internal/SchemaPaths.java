package dev.eventcontracts.compat.internal;

import org.apache.avro.Schema;

/**
 * Turns JSON pointers into a schema (as Avro's checker reports locations) into paths by names, e.g.
 * {@code /fields/1/type/items/fields/0/type} into {@code OrderCreated.items[].sku}.
 *
 * <p>Avro puts a writer union's branch index into the pointer even where the reader is not a union; such
 * indexes are skipped. Where the reader is a union, the index selects the reader's branch.
 */
public final class SchemaPaths {

    /** The pointer of the whole schema, as Avro writes it. */
    public static final String ROOT = "/";

    private SchemaPaths() {}

    /**
     * Returns the path by names of the location {@code pointer} in {@code root}.
     *
     * @param root the schema the pointer points into; never null
     * @param pointer a JSON pointer, {@code /} for the root; never null
     * @return the path; never null or empty
     */
    public static String fieldPath(Schema root, String pointer) {
        StringBuilder path = new StringBuilder(rootLabel(root));
        Schema current = root;
        String[] tokens = pointer.split("/");
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("fields") && i + 1 < tokens.length && current.getType() == Schema.Type.RECORD) {
                int pos = Integer.parseInt(tokens[++i]);
                if (pos >= current.getFields().size()) {
                    break;
                }
                Schema.Field field = current.getFields().get(pos);
                appendName(path, field.name());
                if (i + 1 < tokens.length && tokens[i + 1].equals("type")) {
                    i++;
                    current = field.schema();
                } else {
                    break;
                }
            } else if (token.equals("items") && current.getType() == Schema.Type.ARRAY) {
                path.append("[]");
                current = current.getElementType();
            } else if (token.equals("values") && current.getType() == Schema.Type.MAP) {
                path.append("{}");
                current = current.getValueType();
            } else if (isIndex(token)) {
                current = branch(path, current, Integer.parseInt(token));
            } else {
                break;
            }
        }
        return path.isEmpty() ? current.getType().getName() : path.toString();
    }

    /**
     * Appends a token to a pointer.
     *
     * @param pointer a pointer, {@code /} for the root; never null
     * @param token the token to append; never null
     * @return the longer pointer; never null
     */
    public static String child(String pointer, String token) {
        return (pointer.equals(ROOT) ? "" : pointer) + "/" + token;
    }

    /**
     * Returns the pointer without its last token.
     *
     * @param pointer a pointer; never null
     * @return the parent pointer, {@code /} for a top-level token; never null
     */
    public static String parent(String pointer) {
        int cut = pointer.lastIndexOf('/');
        return cut <= 0 ? ROOT : pointer.substring(0, cut);
    }

    /**
     * Returns the last token of a pointer.
     *
     * @param pointer a pointer; never null
     * @return the last token, empty for the root; never null
     */
    public static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    /**
     * Returns the schema node a pointer points to, following the same rules as {@link #fieldPath}: the record
     * for {@code .../fields/2}, the field's type for {@code .../fields/2/type}.
     *
     * @param root the schema the pointer points into; never null
     * @param pointer a JSON pointer, {@code /} for the root; never null
     * @return the node, or the deepest node reached when the pointer leaves the schema; never null
     */
    public static Schema schemaAt(Schema root, String pointer) {
        Schema current = root;
        String[] tokens = pointer.split("/");
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("fields")
                    && i + 2 < tokens.length
                    && tokens[i + 2].equals("type")
                    && current.getType() == Schema.Type.RECORD) {
                int pos = Integer.parseInt(tokens[i + 1]);
                if (pos >= current.getFields().size()) {
                    break;
                }
                current = current.getFields().get(pos).schema();
                i += 2;
            } else if (token.equals("items") && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
            } else if (token.equals("values") && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
            } else if (isIndex(token)
                    && current.getType() == Schema.Type.UNION
                    && Integer.parseInt(token) < current.getTypes().size()) {
                current = current.getTypes().get(Integer.parseInt(token));
            } else if (!isIndex(token)) {
                break;
            }
        }
        return current;
    }

    /**
     * Returns the label a path starts with: a named type's simple name, nothing for a union (its branch names
     * itself), otherwise the type's name.
     */
    static String rootLabel(Schema root) {
        return switch (root.getType()) {
            case RECORD, ENUM, FIXED -> root.getName();
            case UNION -> "";
            default -> root.getType().getName();
        };
    }

    /**
     * Appends a field name to a path.
     *
     * @param path the path so far; never null
     * @param name the field name; never null
     */
    static void appendName(StringBuilder path, String name) {
        if (!path.isEmpty()) {
            path.append('.');
        }
        path.append(name);
    }

    private static Schema branch(StringBuilder path, Schema current, int index) {
        if (current.getType() != Schema.Type.UNION
                || index >= current.getTypes().size()) {
            return current;
        }
        Schema branch = current.getTypes().get(index);
        if (path.isEmpty()) {
            path.append(rootLabel(branch));
        }
        return branch;
    }

    private static boolean isIndex(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
