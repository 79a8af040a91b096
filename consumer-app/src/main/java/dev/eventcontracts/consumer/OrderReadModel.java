package dev.eventcontracts.consumer;

import dev.eventcontracts.consumer.internal.ReadModelDatabase;
import dev.eventcontracts.consumer.internal.ReadModelTables;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the order read model that {@link OrderProcessingService}s keep: for dashboards, the demo's summary, the
 * {@code rebuild} command and tests. Each call opens its own short connection; the tables exist once a service has
 * started (its migrations create them; before that, calls fail with an {@link SQLException}). Thread-safe.
 *
 * @since 0.1.0
 */
public final class OrderReadModel {

    /**
     * One order as the read model holds it.
     *
     * @param orderId the order id; never null
     * @param customerId the customer; never null
     * @param status the current status, e.g. {@code SHIPPED}; never null
     * @param total the order total; never null
     * @param currency the ISO-4217 currency; never null
     * @param itemCount the number of units ordered
     * @param shipToCountry the shipping country, or null (collected, or written by a v1 producer)
     * @param createdAt when the order was placed; never null
     * @param updatedAt the time of the last applied event; never null
     * @param eventCount how many events were applied to the order
     */
    public record OrderView(
            String orderId,
            String customerId,
            String status,
            BigDecimal total,
            String currency,
            int itemCount,
            String shipToCountry,
            Instant createdAt,
            Instant updatedAt,
            int eventCount) {}

    /**
     * Totals of the read model.
     *
     * @param orders rows in the read model
     * @param appliedEvents event ids recorded as applied
     * @param deadLetteredEvents event ids recorded as dead-lettered (decoded but rejected)
     * @param eventCountSum the sum of every order's event count: equals {@code appliedEvents} when each event
     *     was applied exactly once
     */
    public record Totals(long orders, long appliedEvents, long deadLetteredEvents, long eventCountSum) {}

    private final ReadModelDatabase database;

    /**
     * Creates a reader.
     *
     * @param jdbcUrl the read model database; never null
     * @param user the database user, or null for the driver's default (H2: {@code sa})
     * @param password the password, or null for the driver's own mechanisms (PostgreSQL: {@code ~/.pgpass})
     * @throws ServiceConfigurationException when the database is not supported or its driver is missing
     */
    public OrderReadModel(String jdbcUrl, String user, String password) {
        this(ReadModelDatabase.of(Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password));
    }

    OrderReadModel(ReadModelDatabase database) {
        this.database = database;
    }

    /**
     * Returns a reader of the same database whose read model is in another schema (e.g. one a rebuild wrote).
     *
     * @param schema the schema; never null
     * @return the reader; never null
     */
    public OrderReadModel inSchema(String schema) {
        return new OrderReadModel(database.inSchema(schema));
    }

    /**
     * Creates a reader of the settings' database.
     *
     * @param settings the consumer settings; never null
     * @return the reader; never null
     */
    public static OrderReadModel of(ConsumerSettings settings) {
        return new OrderReadModel(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
    }

    /**
     * Returns the totals.
     *
     * @return the totals; never null
     * @throws SQLException when the database is unavailable
     */
    public Totals totals() throws SQLException {
        try (Connection c = open();
                Statement s = c.createStatement()) {
            long orders = single(s, "SELECT COUNT(*) FROM " + ReadModelTables.ORDERS);
            long applied = single(
                    s,
                    "SELECT COUNT(*) FROM " + ReadModelTables.PROCESSED_EVENTS + " WHERE outcome = '"
                            + ReadModelTables.APPLIED + "'");
            long rejected = single(
                    s,
                    "SELECT COUNT(*) FROM " + ReadModelTables.PROCESSED_EVENTS + " WHERE outcome = '"
                            + ReadModelTables.DEAD_LETTERED + "'");
            long eventCounts = single(s, "SELECT COALESCE(SUM(event_count), 0) FROM " + ReadModelTables.ORDERS);
            return new Totals(orders, applied, rejected, eventCounts);
        }
    }

    /**
     * Returns the number of orders per status.
     *
     * @return status to count, sorted by status; never null
     * @throws SQLException when the database is unavailable
     */
    public Map<String, Long> ordersByStatus() throws SQLException {
        Map<String, Long> byStatus = new TreeMap<>();
        try (Connection c = open();
                Statement s = c.createStatement();
                ResultSet rows =
                        s.executeQuery("SELECT status, COUNT(*) FROM " + ReadModelTables.ORDERS + " GROUP BY status")) {
            while (rows.next()) {
                byStatus.put(rows.getString(1), rows.getLong(2));
            }
        }
        return byStatus;
    }

    /**
     * Returns the ids of every event applied to the read model.
     *
     * @return the event ids; never null
     * @throws SQLException when the database is unavailable
     */
    public Set<String> appliedEventIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT event_id FROM " + ReadModelTables.PROCESSED_EVENTS
                        + " WHERE outcome = '" + ReadModelTables.APPLIED + "'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /**
     * Returns how many events were applied to each order.
     *
     * @return order id to event count; never null
     * @throws SQLException when the database is unavailable
     */
    public Map<String, Integer> eventCountsByOrder() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT order_id, event_count FROM " + ReadModelTables.ORDERS)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    /**
     * Returns every order's current status.
     *
     * @return order id to status; never null
     * @throws SQLException when the database is unavailable
     */
    public Map<String, String> statusByOrder() throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection c = open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT order_id, status FROM " + ReadModelTables.ORDERS)) {
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getString(2));
            }
        }
        return statuses;
    }

    /**
     * Returns one order.
     *
     * @param orderId the order id; never null
     * @return the order, or empty when the read model has none with that id
     * @throws SQLException when the database is unavailable
     */
    public Optional<OrderView> order(String orderId) throws SQLException {
        try (Connection c = open();
                PreparedStatement select = c.prepareStatement("SELECT order_id, customer_id,"
                        + " status, total_amount, currency, item_count, ship_to_country, created_at, updated_at, event_count"
                        + " FROM " + ReadModelTables.ORDERS + " WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OrderView(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getBigDecimal(4),
                        row.getString(5),
                        row.getInt(6),
                        row.getString(7),
                        row.getObject(8, OffsetDateTime.class).toInstant(),
                        row.getObject(9, OffsetDateTime.class).toInstant(),
                        row.getInt(10)));
            }
        }
    }

    /**
     * Returns what became of one event: {@code APPLIED}, {@code DEAD_LETTERED}, or empty when the read model has not
     * handled it (yet).
     *
     * @param eventId the event id; never null
     * @return the outcome, or empty
     * @throws SQLException when the database is unavailable
     */
    public Optional<String> eventOutcome(String eventId) throws SQLException {
        try (Connection c = open();
                PreparedStatement select = c.prepareStatement(
                        "SELECT outcome FROM " + ReadModelTables.PROCESSED_EVENTS + " WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Returns how far the read model has read each partition: it holds every record below these offsets.
     *
     * @return the next offset to read per partition; never null
     * @throws SQLException when the database is unavailable
     */
    public Map<TopicPartition, Long> positions() throws SQLException {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (Connection c = open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "SELECT source_topic, source_partition, next_offset FROM " + ReadModelTables.READ_POSITIONS)) {
            while (rows.next()) {
                positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
            }
        }
        return positions;
    }

    /** Opens a read connection; no DDL, which would contend with the service's transactions for locks. */
    private Connection open() throws SQLException {
        return database.open();
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
