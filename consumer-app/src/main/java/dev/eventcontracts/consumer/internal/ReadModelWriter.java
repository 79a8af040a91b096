package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.DeadLetterReason;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies batches of decoded events to the read model, one database transaction per batch.
 *
 * <p>Per event, inside the batch's transaction and behind a savepoint: claim the event id in
 * {@code processed_events} (a unique-key violation means it was handled before: a redelivery, skipped), check
 * the business rules against the order's row, write the row. An event that breaks a rule, or that the database
 * rejects for its data, is rolled back to its savepoint, its id recorded as {@code DEAD_LETTERED}, and handed
 * back as a {@link DeadLetter}; the others stay. Before the commit the caller gets the dead letters ({@code beforeCommit}) so that it can publish them:
 * if publishing fails, nothing is committed and the whole batch is retried.
 *
 * <p>A transient database failure (see {@link SqlFailures}) rolls the batch back, drops the connection (the next
 * batch opens a new one) and surfaces as {@link TransientFailureException}. Not thread-safe: one per consumer
 * thread.
 */
public final class ReadModelWriter implements AutoCloseable {

    /** Opens connections to the read model's database. */
    @FunctionalInterface
    public interface ConnectionFactory {
        /**
         * Opens a connection.
         *
         * @return a new connection; never null
         * @throws SQLException when the database is unreachable
         */
        Connection open() throws SQLException;
    }

    /**
     * A decoded record, ready to apply.
     *
     * @param record the raw record (for its coordinates and, if rejected, its bytes); never null
     * @param event the decoded event; never null
     */
    public record Decoded(ConsumerRecord<byte[], byte[]> record, OrderEvent event) {}

    /**
     * What a batch did.
     *
     * @param applied events that changed the read model
     * @param duplicates events that had been applied before and were skipped
     * @param rejected events that go to the dead-letter topic; never null
     */
    public record BatchResult(int applied, int duplicates, List<DeadLetter> rejected) {

        /** Copies the rejected list. */
        public BatchResult {
            rejected = List.copyOf(rejected);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelWriter.class);
    private static final int MAX_ID_LENGTH = 64;
    private static final String INSERT_PROCESSED = "INSERT INTO " + ReadModelSchema.PROCESSED_EVENTS
            + " (event_id, order_id, event_type, outcome, source_topic, source_partition, source_offset,"
            + " processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ORDER = "INSERT INTO " + ReadModelSchema.ORDERS
            + " (order_id, customer_id, status, total_amount, currency, item_count, ship_to_city,"
            + " ship_to_country, cancel_reason, created_at, updated_at, event_count)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1)";
    private static final String SELECT_STATUS = "SELECT status FROM " + ReadModelSchema.ORDERS + " WHERE order_id = ?";
    private static final String UPDATE_ORDER = "UPDATE " + ReadModelSchema.ORDERS
            + " SET status = ?, cancel_reason = COALESCE(?, cancel_reason), updated_at = ?,"
            + " event_count = event_count + 1 WHERE order_id = ?";

    private final ConnectionFactory connections;
    private final Clock clock;
    private Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /**
     * Creates a writer; it connects on first use.
     *
     * @param connections opens connections; never null
     * @param clock gives {@code processed_at}; never null
     */
    public ReadModelWriter(ConnectionFactory connections, Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies a batch in one transaction.
     *
     * @param batch the decoded records in offset order per partition; never null
     * @param beforeCommit receives the events rejected in this batch (possibly none) before the commit; if it
     *     throws, the batch is rolled back and the exception propagates; never null
     * @return what the batch did; never null
     * @throws TransientFailureException when the database is unavailable; nothing was committed
     */
    public BatchResult apply(List<Decoded> batch, Consumer<List<DeadLetter>> beforeCommit) {
        Connection c = null;
        try {
            c = connection();
            int applied = 0;
            int duplicates = 0;
            List<DeadLetter> rejected = new ArrayList<>();
            for (Decoded decoded : batch) {
                switch (applyOne(c, decoded, rejected)) {
                    case APPLIED -> applied++;
                    case DUPLICATE -> duplicates++;
                    default -> {}
                }
            }
            beforeCommit.accept(rejected);
            c.commit();
            return new BatchResult(applied, duplicates, rejected);
        } catch (SQLException e) {
            rollbackQuietly(c);
            discardConnection();
            if (SqlFailures.isTransient(e)) {
                throw new TransientFailureException("read model database not available: " + e.getMessage(), e);
            }
            // not tied to one event (those are caught per savepoint), e.g. the commit itself failed: retry
            throw new TransientFailureException("read model transaction failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    private enum Outcome {
        APPLIED,
        DUPLICATE,
        REJECTED
    }

    private Outcome applyOne(Connection c, Decoded decoded, List<DeadLetter> rejected) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            requireId("eventId", decoded.event().eventId());
            requireId("orderId", decoded.event().orderId());
            if (!claim(c, decoded, ReadModelSchema.APPLIED)) {
                c.rollback(savepoint);
                return Outcome.DUPLICATE;
            }
            write(c, decoded.event());
            return Outcome.APPLIED;
        } catch (InvalidEventException e) {
            c.rollback(savepoint);
            markDeadLettered(c, decoded);
            rejected.add(new DeadLetter(decoded.record(), DeadLetterReason.INVALID_EVENT, e));
            return Outcome.REJECTED;
        } catch (SQLException e) {
            if (SqlFailures.isTransient(e)) {
                throw e;
            }
            c.rollback(savepoint);
            LOG.warn(
                    "Event {} at {}-{}@{} rejected by the database: {}",
                    decoded.event().eventId(),
                    decoded.record().topic(),
                    decoded.record().partition(),
                    decoded.record().offset(),
                    e.toString());
            markDeadLettered(c, decoded);
            rejected.add(new DeadLetter(decoded.record(), DeadLetterReason.PROCESSING_FAILED, e));
            return Outcome.REJECTED;
        }
    }

    /**
     * Records a rejected event's id too, so that a redelivery after a crash is a duplicate and does not reach
     * the dead-letter topic again or, worse, pass the rules against a later state. Skipped for ids the table
     * cannot hold.
     */
    private void markDeadLettered(Connection c, Decoded decoded) throws SQLException {
        OrderEvent event = decoded.event();
        if (!validId(event.eventId()) || !validId(event.orderId())) {
            return;
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            claim(c, decoded, ReadModelSchema.DEAD_LETTERED);
        } catch (SQLException e) {
            if (SqlFailures.isTransient(e)) {
                throw e;
            }
            c.rollback(savepoint);
            LOG.warn("Could not record dead-lettered event {}: {}", event.eventId(), e.toString());
        }
    }

    /** Records the event id; false when it is already recorded (the event was handled before). */
    private boolean claim(Connection c, Decoded decoded, String outcome) throws SQLException {
        OrderEvent event = decoded.event();
        PreparedStatement insert = prepared(c, INSERT_PROCESSED);
        insert.setString(1, event.eventId());
        insert.setString(2, event.orderId());
        insert.setString(3, event.type());
        insert.setString(4, outcome);
        insert.setString(5, decoded.record().topic());
        insert.setInt(6, decoded.record().partition());
        insert.setLong(7, decoded.record().offset());
        insert.setObject(8, utc(clock.instant()));
        try {
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private void write(Connection c, OrderEvent event) throws SQLException {
        if (event instanceof OrderEvent.Created created) {
            insertOrder(c, created);
            return;
        }
        String status = currentStatus(c, event.orderId());
        if (status == null) {
            throw new InvalidEventException(event.type() + " " + event.eventId() + " for unknown order '"
                    + event.orderId() + "': its OrderCreated was never processed");
        }
        if (event instanceof OrderEvent.StatusChanged changed) {
            String problem = Transitions.checkChange(status, changed.previousStatus(), changed.status());
            if (problem != null) {
                throw new InvalidEventException("OrderStatusChanged " + changed.eventId() + " of order '"
                        + changed.orderId() + "' " + changed.previousStatus() + " -> " + changed.status() + ": "
                        + problem);
            }
            updateOrder(c, changed.orderId(), changed.status(), null, changed.changedAt());
        } else {
            OrderEvent.Cancelled cancelled = (OrderEvent.Cancelled) event;
            String problem = Transitions.checkCancel(status);
            if (problem != null) {
                throw new InvalidEventException("OrderCancelled " + cancelled.eventId() + " of order '"
                        + cancelled.orderId() + "': " + problem);
            }
            updateOrder(c, cancelled.orderId(), Transitions.CANCELLED, cancelled.reason(), cancelled.cancelledAt());
        }
    }

    private void insertOrder(Connection c, OrderEvent.Created created) throws SQLException {
        validate(created);
        if (currentStatus(c, created.orderId()) != null) {
            throw new InvalidEventException(
                    "OrderCreated " + created.eventId() + ": order '" + created.orderId() + "' already exists");
        }
        PreparedStatement insert = prepared(c, INSERT_ORDER);
        insert.setString(1, created.orderId());
        insert.setString(2, created.customerId());
        insert.setString(3, Transitions.CREATED);
        insert.setBigDecimal(4, created.total());
        insert.setString(5, created.currency());
        insert.setInt(
                6, created.items().stream().mapToInt(OrderEvent.Item::quantity).sum());
        insert.setString(7, created.shipToCity());
        insert.setString(8, created.shipToCountry());
        insert.setObject(9, utc(created.createdAt()));
        insert.setObject(10, utc(created.createdAt()));
        insert.executeUpdate();
    }

    private static void validate(OrderEvent.Created created) {
        String where = "OrderCreated " + created.eventId() + " of order '" + created.orderId() + "': ";
        requireId("customerId", created.customerId());
        if (created.items().isEmpty()) {
            throw new InvalidEventException(where + "an order needs at least one item");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderEvent.Item item : created.items()) {
            if (item.quantity() < 1) {
                throw new InvalidEventException(where + "item '" + item.productId() + "' has quantity "
                        + item.quantity() + "; expected at least 1");
            }
            if (item.unitPrice().signum() < 0) {
                throw new InvalidEventException(where + "item '" + item.productId() + "' has a negative price");
            }
            if (!item.currency().equals(created.currency())) {
                throw new InvalidEventException(where + "item '" + item.productId() + "' is priced in "
                        + item.currency() + " but the total in " + created.currency());
            }
            sum = sum.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
        }
        if (sum.compareTo(created.total()) != 0) {
            throw new InvalidEventException(where + "total " + created.total().toPlainString() + " "
                    + created.currency() + " is not the sum of its items, " + sum.toPlainString());
        }
    }

    private static boolean validId(String value) {
        return !value.isBlank() && value.length() <= MAX_ID_LENGTH;
    }

    private static void requireId(String field, String value) {
        if (!validId(value)) {
            throw new InvalidEventException(
                    field + " '" + value + "' must be 1 to " + MAX_ID_LENGTH + " characters and not blank");
        }
    }

    private String currentStatus(Connection c, String orderId) throws SQLException {
        PreparedStatement select = prepared(c, SELECT_STATUS);
        select.setString(1, orderId);
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private void updateOrder(Connection c, String orderId, String status, String cancelReason, Instant at)
            throws SQLException {
        PreparedStatement update = prepared(c, UPDATE_ORDER);
        update.setString(1, status);
        update.setString(2, cancelReason);
        update.setObject(3, utc(at));
        update.setString(4, orderId);
        update.executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection opened = connections.open();
            try {
                ReadModelSchema.create(opened);
                opened.setAutoCommit(false);
            } catch (SQLException e) {
                closeQuietly(opened);
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    /** The connection's prepared statement for the SQL, prepared once per connection. */
    private PreparedStatement prepared(Connection c, String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = c.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private void discardConnection() {
        statements.clear();
        closeQuietly(connection);
        connection = null;
    }

    private static void rollbackQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed (connection lost?): {}", e.toString());
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing the connection failed: {}", e.toString());
        }
    }

    /** Closes the connection. */
    @Override
    public void close() {
        discardConnection();
    }
}
