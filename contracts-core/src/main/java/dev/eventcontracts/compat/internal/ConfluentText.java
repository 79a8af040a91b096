package dev.eventcontracts.compat.internal;

import dev.eventcontracts.compat.Violation;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The texts Confluent Schema Registry writes for compatibility findings, byte for byte: one
 * {@code {errorType:..., description:..., additionalInfo:...}} entry per Avro incompatibility, the
 * {@code {oldSchemaVersion: n}} and {@code {oldSchema: '...'}} entries, and the {@code validateFields} entry.
 *
 * <p>Descriptions name the reader and writer sides "new" and "old" as the direction requires. Our stricter
 * rules get entries of the same shape, with the rule id as {@code errorType}; their description names the
 * field and says Confluent would accept the change.
 */
public final class ConfluentText {

    /** Confluent cuts {@code oldSchema} entries longer than this. */
    static final int MAX_SCHEMA_LENGTH = 10 * 1024;

    private ConfluentText() {}

    /**
     * Returns Confluent's entry for an Avro incompatibility.
     *
     * @param inc the incompatibility; never null
     * @param reader how the reading side is called: {@code new} when the new schema reads, else {@code old}
     * @param writer how the writing side is called
     * @return the entry; never null
     */
    static String difference(Incompatibility inc, String reader, String writer) {
        String path = inc.getLocation();
        String info = inc.getMessage();
        String description = switch (inc.getType()) {
            case FIXED_SIZE_MISMATCH ->
                "The size of FIXED type field at path '" + path + "' in the " + reader
                        + " schema does not match with the " + writer + " schema";
            case TYPE_MISMATCH ->
                "The type (path '" + path + "') of a field in the " + reader + " schema does not match with the "
                        + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case MISSING_ENUM_SYMBOLS ->
                "The " + reader + " schema is missing enum symbols '" + info + "' at path '" + path + "' in the "
                        + writer + " schema";
            case MISSING_UNION_BRANCH ->
                "The " + reader + " schema is missing a type inside a union field at path '" + path + "' in the "
                        + writer + " schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                "The field '" + info + "' at path '" + path + "' in the " + reader
                        + " schema has no default value and is missing in the " + writer + " schema";
        };
        return entry(inc.getType().name(), description, info);
    }

    /** Returns Confluent's entry when Avro's checker threw instead of answering. */
    static String unexpected(RuntimeException e) {
        return "Unexpected exception during compatibility check: " + e.getMessage();
    }

    /** Returns our entry, in Confluent's shape, for a violation of one of our stricter rules. */
    static String strict(Violation v) {
        return entry(
                v.rule().name(),
                v.message(),
                "field '" + v.fieldPath() + "' at path '" + v.jsonPointer() + "': " + v.fixHint());
    }

    /** Returns the {@code {oldSchemaVersion: n}} entry. */
    static String oldSchemaVersion(int version) {
        return "{oldSchemaVersion: " + version + "}";
    }

    /** Returns the {@code {oldSchema: '...'}} entry, cut as Confluent cuts it. */
    static String oldSchema(String canonical) {
        if (canonical.length() <= MAX_SCHEMA_LENGTH) {
            return "{oldSchema: '" + canonical + "'}";
        }
        return "{oldSchema: <truncated> '" + canonical.substring(0, MAX_SCHEMA_LENGTH) + "...'}";
    }

    /**
     * Returns the entry Confluent appends after the findings.
     *
     * @param validateFields the subject's {@code validateFields} setting
     * @param level the level's name, e.g. {@code BACKWARD_TRANSITIVE}; never null
     * @return the entry; never null
     */
    public static String trailer(boolean validateFields, String level) {
        return "{validateFields: '" + validateFields + "', compatibility: '" + level + "'}";
    }

    private static String entry(String errorType, String description, String info) {
        return "{errorType:'" + errorType + "', description:'" + description + "', additionalInfo:'" + info + "'}";
    }
}
