package dev.eventcontracts.serde.internal;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * The Avro schema of a value, as Confluent's serializer derives it: the schema of an Avro container (record,
 * enum, fixed, array), or a primitive schema for Java primitives.
 */
public final class ValueSchemas {

    private static final Schema NULL = Schema.create(Schema.Type.NULL);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private ValueSchemas() {}

    /**
     * Returns the schema of a value.
     *
     * @param value the value; null gives the {@code "null"} schema
     * @return the schema; never null
     * @throws IllegalArgumentException for a type Avro cannot write without a schema
     */
    public static Schema of(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        } else if (value == null) {
            return NULL;
        } else if (value instanceof CharSequence) {
            return STRING;
        } else if (value instanceof Integer) {
            return INT;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BYTES;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Float) {
            return FLOAT;
        }
        throw new IllegalArgumentException(
                "Unsupported type " + value.getClass().getName()
                        + ": expected null, Boolean, Integer, Long, Float, Double, CharSequence, byte[], ByteBuffer,"
                        + " or an Avro GenericContainer (SpecificRecord, GenericRecord, enum, fixed)");
    }
}
