package dev.eventcontracts.compat;

/**
 * Which way a compatibility check reads data.
 *
 * <p>{@link #BACKWARD}: the new schema reads data written with an old version. {@link #FORWARD}: an old
 * version reads data written with the new schema.
 */
public enum Direction {
    /** The new schema is the reader, the old version the writer. */
    BACKWARD,
    /** The old version is the reader, the new schema the writer. */
    FORWARD
}
