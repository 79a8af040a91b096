package dev.eventcontracts.serde.internal;

/**
 * Confluent's wire format: magic byte {@code 0x00}, the schema id as a big-endian 4-byte int, then the Avro
 * binary encoding of the datum (no container header).
 */
public final class WireFormat {

    /** The only magic byte Confluent has defined. */
    public static final byte MAGIC_BYTE = 0x0;

    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /**
     * Returns the 5-byte header for a schema id.
     *
     * @param id the schema id
     * @return a new array holding magic byte and id
     */
    public static byte[] header(int id) {
        return new byte[] {MAGIC_BYTE, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
    }

    /**
     * Reads the schema id of a payload whose magic byte was checked.
     *
     * @param payload the serialized bytes, at least {@link #HEADER_SIZE} long
     * @return the schema id
     */
    public static int schemaId(byte[] payload) {
        return schemaId(payload, 0);
    }

    /**
     * Reads the schema id of a payload that starts at an offset in an array.
     *
     * @param array the array holding the payload
     * @param offset where the payload (its magic byte) starts
     * @return the schema id
     */
    public static int schemaId(byte[] array, int offset) {
        return ((array[offset + 1] & 0xff) << 24)
                | ((array[offset + 2] & 0xff) << 16)
                | ((array[offset + 3] & 0xff) << 8)
                | (array[offset + 4] & 0xff);
    }

    /**
     * Tells whether a payload starts with the magic byte and is long enough to hold a schema id.
     *
     * @param payload the serialized bytes; never null
     * @return whether the header is present
     */
    public static boolean hasHeader(byte[] payload) {
        return hasHeader(payload, 0, payload.length);
    }

    /**
     * Tells whether a payload at an offset in an array starts with the magic byte and holds a schema id.
     *
     * @param array the array holding the payload; never null
     * @param offset where the payload starts
     * @param length the payload's length
     * @return whether the header is present
     */
    public static boolean hasHeader(byte[] array, int offset, int length) {
        return length >= HEADER_SIZE && array[offset] == MAGIC_BYTE;
    }
}
