package dev.eventcontracts.consumer;

/**
 * Why an event went to the dead-letter topic; written to the {@link DeadLetterHeaders#REASON} header.
 *
 * @since 0.1.0
 */
public enum DeadLetterReason {
    /** The value does not start with the wire format's magic byte {@code 0x00} (or is shorter than its header). */
    UNKNOWN_MAGIC_BYTE,
    /** The value names a schema id the registry does not know ({@code 40403}). */
    UNKNOWN_SCHEMA_ID,
    /** The bytes do not decode with the writer schema, the record has no value, or its key does not decode. */
    UNDECODABLE,
    /** The event decodes but breaks a business rule (unknown order, impossible status change, bad total, ...). */
    INVALID_EVENT,
    /** Applying the event failed in the database in a way retrying cannot fix (e.g. a value too long). */
    PROCESSING_FAILED
}
