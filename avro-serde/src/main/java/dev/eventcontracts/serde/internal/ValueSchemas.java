package dev.eventcontracts.serde.internal;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The Avro schema of a value, as Confluent's serializer derives it: the schema of an Avro container (record,
 * enum, fixed, array), or a primitive schema for Java primitives.
 *
 * <p>Records are recognised by their class ({@link SpecificRecordBase}, {@link GenericData.Record}) before any
 * interface: on Java 17 a type check against an interface that succeeds stores the interface in a one-entry
 * cache of the value's class, shared by every thread (JDK-8180450, changed in Java 23). Checking one class
 * against two interfaces on every record (ours, then Avro's {@code IndexedRecord}) rewrites that entry twice a
 * record, and with two threads serializing the cache line moves between cores on every write. A check against
 * a class reads the class's fixed list of superclasses and writes nothing.
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
        if (value instanceof SpecificRecordBase record) {
            return record.getSchema();
        } else if (value instanceof GenericData.Record record) {
            return record.getSchema();
        } else if (value instanceof GenericContainer container) {
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

    /**
     * Tells whether a value is a generated specific record ({@link SpecificRecord}), checking classes before the
     * interface for the reason given above.
     *
     * @param value the value; never null
     * @return whether it is written with a specific datum writer
     */
    public static boolean isSpecific(Object value) {
        if (value instanceof SpecificRecordBase) {
            return true;
        } else if (value instanceof GenericData.Record) {
            return false;
        }
        return value instanceof SpecificRecord;
    }
}
