package dev.eventcontracts.consumer.internal.rebuild;

import dev.eventcontracts.consumer.internal.ReadModelTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * What two read models must agree on to be the same: the orders per status, the number of orders, the events
 * recorded as applied and as dead-lettered, and the sum of the orders' event counts.
 *
 * @param ordersByStatus status to number of orders, sorted; never null
 * @param orders rows in {@code orders}
 * @param applied event ids recorded as applied
 * @param deadLettered event ids recorded as dead-lettered
 * @param eventCountSum the sum of {@code orders.event_count}
 */
public record ModelSnapshot(
        Map<String, Long> ordersByStatus, long orders, long applied, long deadLettered, long eventCountSum) {

    /** Copies the map. */
    public ModelSnapshot {
        ordersByStatus = Map.copyOf(ordersByStatus);
    }

    /**
     * Reads a snapshot in the connection's current transaction and schema.
     *
     * @param c the connection; never null
     * @return the snapshot; never null
     * @throws SQLException when the database fails
     */
    public static ModelSnapshot read(Connection c) throws SQLException {
        Map<String, Long> byStatus = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rows =
                    s.executeQuery("SELECT status, COUNT(*) FROM " + ReadModelTables.ORDERS + " GROUP BY status")) {
                while (rows.next()) {
                    byStatus.put(rows.getString(1), rows.getLong(2));
                }
            }
            long orders = single(s, "SELECT COUNT(*) FROM " + ReadModelTables.ORDERS);
            long applied = single(
                    s,
                    "SELECT COUNT(*) FROM " + ReadModelTables.PROCESSED_EVENTS + " WHERE outcome = '"
                            + ReadModelTables.APPLIED + "'");
            long deadLettered = single(
                    s,
                    "SELECT COUNT(*) FROM " + ReadModelTables.PROCESSED_EVENTS + " WHERE outcome = '"
                            + ReadModelTables.DEAD_LETTERED + "'");
            long eventCountSum = single(s, "SELECT COALESCE(SUM(event_count), 0) FROM " + ReadModelTables.ORDERS);
            return new ModelSnapshot(byStatus, orders, applied, deadLettered, eventCountSum);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** One line, e.g. {@code 2,700 orders {CANCELLED=458, ...}, 10,000 applied, 1 dead-lettered, event counts 10,000}. */
    public String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "%,d orders %s, %,d events applied, %,d dead-lettered, sum of event counts %,d",
                orders,
                new TreeMap<>(ordersByStatus),
                applied,
                deadLettered,
                eventCountSum);
    }
}
