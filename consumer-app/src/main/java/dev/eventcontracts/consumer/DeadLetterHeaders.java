package dev.eventcontracts.consumer;

/**
 * The headers a dead-lettered record carries in addition to all of its original headers. The record's key
 * and value are the original bytes, unchanged, so it can be inspected and replayed. Values are UTF-8 text.
 *
 * @since 0.1.0
 */
public final class DeadLetterHeaders {

    /** The topic the record was read from ({@value}). */
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    /** Its partition, decimal ({@value}). */
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    /** Its offset, decimal ({@value}). */
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    /** Its timestamp in epoch milliseconds ({@value}). */
    public static final String ORIGINAL_TIMESTAMP = "dlq.original.timestamp";
    /** The {@link DeadLetterReason} ({@value}). */
    public static final String REASON = "dlq.error.reason";
    /** The class of the exception that made the record unprocessable ({@value}). */
    public static final String ERROR_CLASS = "dlq.error.class";
    /** That exception's message ({@value}). */
    public static final String ERROR_MESSAGE = "dlq.error.message";
    /** The class of the exception's root cause, when it has one ({@value}). */
    public static final String ERROR_ROOT_CAUSE_CLASS = "dlq.error.root.class";
    /** The consumer group that gave up on the record ({@value}). */
    public static final String CONSUMER_GROUP = "dlq.consumer.group";

    /** Every dead-letter header starts with this ({@value}); a re-drive leaves them behind. */
    public static final String PREFIX = "dlq.";

    /**
     * On a re-driven record: the dead letter it was re-driven from, {@code <dead-letter topic>-<partition>@<offset>}
     * ({@value}). It identifies the re-drive: the service tries a dead-lettered event again once per re-drive, and
     * treats a redelivery of the same re-driven record as a duplicate.
     */
    public static final String REDRIVEN_FROM = "dlq.redriven.from";
    /** On a re-driven record: where the original was, {@code <topic>-<partition>@<offset>} ({@value}). */
    public static final String REDRIVEN_ORIGINAL = "dlq.redriven.original";
    /** On a re-driven record: the {@link DeadLetterReason} it had been dead-lettered for ({@value}). */
    public static final String REDRIVEN_REASON = "dlq.redriven.reason";
    /** On a re-driven record: when it was re-driven, epoch milliseconds ({@value}). */
    public static final String REDRIVEN_AT = "dlq.redriven.at";

    private DeadLetterHeaders() {}
}
