package dev.eventcontracts.consumer.internal;

/**
 * The names of the read model's tables and outcomes; the tables themselves are created and evolved by the
 * versioned migrations in {@code db/migration} ({@link Migrations}).
 *
 * <p>{@code orders} is the read model proper: one row per order with its current status. {@code processed_events}
 * records the id of every event handled — {@code APPLIED} or {@code DEAD_LETTERED} — with where it came from; it
 * is written in the same transaction as the order row, which is what makes processing idempotent: a redelivered
 * event finds its id and changes nothing. {@code read_positions} holds, per partition, the offset below which the
 * model has every record.
 */
public final class ReadModelTables {

    /** The read model table. */
    public static final String ORDERS = "orders";
    /** The idempotency table. */
    public static final String PROCESSED_EVENTS = "processed_events";
    /** The positions table. */
    public static final String READ_POSITIONS = "read_positions";
    /** {@code processed_events.outcome} of an event that changed the read model. */
    public static final String APPLIED = "APPLIED";
    /** {@code processed_events.outcome} of an event that was decoded but sent to the dead-letter topic. */
    public static final String DEAD_LETTERED = "DEAD_LETTERED";

    private ReadModelTables() {}
}
