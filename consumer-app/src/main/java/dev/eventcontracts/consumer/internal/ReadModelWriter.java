package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.DeadLetterHeaders;
import dev.eventcontracts.consumer.ServiceConfigurationException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.BatchUpdateException;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies batches of decoded events to the read model, one database transaction per batch.
 *
 * <p>Per batch, in one transaction: look up the recorded outcome of every event id of the batch and lock the
 * orders it refers to (two queries); apply the business rules in memory ({@link BatchPlan}); write the event ids,
 * the new orders and the changed orders in batched statements; raise the stored position of each partition
 * ({@code read_positions}); hand the rejected events to the caller ({@code beforeCommit}) so that it can publish
 * them; commit. If publishing fails nothing is committed and the whole batch is retried.
 *
 * <p>Duplicates are found by the lookup, so a redelivered event never makes the database report an error (on
 * PostgreSQL not one line in the server log); the insert of the ids is insert-if-absent all the same, and finding
 * an id taken meanwhile — another instance working on the same records during a rebalance — retries the batch.
 * When the database rejects the batch for the data of one of its events (say, a value too long for its column),
 * the batch is rolled back and applied again one event at a time behind savepoints: that event alone is
 * dead-lettered ({@code PROCESSING_FAILED}), the others are applied.
 *
 * <p>An outage (see {@link SqlFailures}) rolls the batch back, drops the connection (the next batch opens a new
 * one) and surfaces as {@link TransientFailureException}; a configuration error (a password changed, a privilege
 * revoked) as {@link ServiceConfigurationException}. Not thread-safe: one thread at a time (the service's writer
 * thread).
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
     * @param redriveId the re-drive the record came from ({@link DeadLetterHeaders#REDRIVEN_FROM}), or null for an
     *     original
     */
    public record Decoded(ConsumerRecord<byte[], byte[]> record, OrderEvent event, String redriveId) {

        /**
         * Reads the re-drive header of the record; where the service decodes, so that the writer does not have to.
         *
         * @param record the raw record; never null
         * @param event the decoded event; never null
         */
        public Decoded(ConsumerRecord<byte[], byte[]> record, OrderEvent event) {
            this(record, event, redriveId(record));
        }

        private static String redriveId(ConsumerRecord<byte[], byte[]> record) {
            Header header = record.headers().lastHeader(DeadLetterHeaders.REDRIVEN_FROM);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

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
    private static final String CLAIM_COLUMNS = "event_id, order_id, event_type, outcome, source_topic,"
            + " source_partition, source_offset, processed_at, redrive_id";
    private static final String REATTEMPT = "UPDATE " + ReadModelTables.PROCESSED_EVENTS
            + " SET outcome = ?, event_type = ?, source_topic = ?, source_partition = ?, source_offset = ?,"
            + " processed_at = ?, redrive_id = ? WHERE event_id = ? AND outcome = '" + ReadModelTables.DEAD_LETTERED
            + "' AND (redrive_id IS NULL OR redrive_id <> ?)";
    private static final String ORDER_COLUMNS = "order_id, customer_id, status, total_amount, currency, item_count,"
            + " ship_to_city, ship_to_country, cancel_reason, created_at, updated_at, event_count";
    private static final String UPDATE_ORDER = "UPDATE " + ReadModelTables.ORDERS
            + " SET status = ?, cancel_reason = ?, updated_at = ?, event_count = ? WHERE order_id = ?";

    private final ConnectionFactory connections;
    private final Dialect dialect;
    private final Clock clock;
    private final String insertClaim;
    private final String insertOrder;
    private final Optional<String> insertClaimsFromArrays;
    private final String selectPriors;
    private final String lockOrders;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;

    /**
     * Creates a writer; it connects on first use. The tables must exist ({@link Migrations}).
     *
     * @param connections opens connections; never null
     * @param dialect the database's dialect; never null
     * @param clock gives {@code processed_at}; never null
     */
    public ReadModelWriter(ConnectionFactory connections, Dialect dialect, Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.insertClaim = dialect.insertIfAbsent(ReadModelTables.PROCESSED_EVENTS, CLAIM_COLUMNS, 9);
        this.insertOrder = dialect.insertIfAbsent(ReadModelTables.ORDERS, ORDER_COLUMNS, 12);
        this.insertClaimsFromArrays = dialect.insertClaimsFromArrays(ReadModelTables.PROCESSED_EVENTS);
        this.selectPriors = dialect.selectByKeys(
                ReadModelTables.PROCESSED_EVENTS, "event_id", List.of("event_id", "outcome", "redrive_id"), false);
        this.lockOrders = dialect.selectByKeys(
                ReadModelTables.ORDERS,
                "order_id",
                List.of("order_id", "status", "cancel_reason", "updated_at", "event_count"),
                true);
    }

    /**
     * Applies a batch in one transaction, storing as positions the next offset after the batch's last record
     * of each partition.
     *
     * @param batch the decoded records in offset order per partition; never null
     * @param beforeCommit receives the events rejected in this batch (possibly none) before the commit; if it
     *     throws, the batch is rolled back and the exception propagates; never null
     * @return what the batch did; never null
     * @throws TransientFailureException when the database is unavailable; nothing was committed
     * @throws ServiceConfigurationException when the database refuses the service (credentials, privileges)
     */
    public BatchResult apply(List<Decoded> batch, Consumer<List<DeadLetter>> beforeCommit) {
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        for (Decoded decoded : batch) {
            positions.merge(
                    new TopicPartition(
                            decoded.record().topic(), decoded.record().partition()),
                    decoded.record().offset() + 1,
                    Math::max);
        }
        return apply(batch, positions, beforeCommit);
    }

    /**
     * Applies a batch in one transaction.
     *
     * @param batch the decoded records in offset order per partition; never null
     * @param positions the next offset to read per partition after this batch, including records that did not
     *     decode; never null
     * @param beforeCommit receives the events rejected in this batch before the commit; never null
     * @return what the batch did; never null
     * @throws TransientFailureException when the database is unavailable; nothing was committed
     * @throws ServiceConfigurationException when the database refuses the service (credentials, privileges)
     */
    public BatchResult apply(
            List<Decoded> batch, Map<TopicPartition, Long> positions, Consumer<List<DeadLetter>> beforeCommit) {
        Connection c = null;
        try {
            c = connection();
            BatchResult result;
            try {
                BatchPlan plan = writeFirstTime(c, batch);
                result = new BatchResult(plan.applied(), plan.duplicates(), plan.rejected());
            } catch (SQLException e) {
                if (!isAboutOneEvent(e)) {
                    throw e;
                }
                c.rollback();
                LOG.info(
                        "Batch of {} event(s) rejected by the database ({}); applying them one at a time",
                        batch.size(),
                        e.getMessage());
                result = oneAtATime(c, batch);
            }
            raisePositions(c, positions);
            beforeCommit.accept(result.rejected());
            c.commit();
            return result;
        } catch (ConcurrentClaimException e) {
            rollbackQuietly(c);
            throw new TransientFailureException(e.getMessage(), e);
        } catch (SQLException e) {
            rollbackQuietly(c);
            discardConnection();
            throw failure(e);
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    private RuntimeException failure(SQLException e) {
        return switch (SqlFailures.classify(e)) {
            case OUTAGE -> new TransientFailureException("read model database not available: " + e.getMessage(), e);
            case CONFIGURATION -> new ServiceConfigurationException(SqlFailures.explain(e, "of the service"), e);
            case DATA ->
                SqlFailures.isUniqueViolation(e)
                        ? new TransientFailureException(
                                "an event of the batch was recorded by another instance meanwhile (rebalance); "
                                        + "retrying: " + e.getMessage(),
                                e)
                        // not tied to one event (those are isolated one at a time), e.g. the commit failed: retry
                        : new TransientFailureException("read model transaction failed: " + e.getMessage(), e);
        };
    }

    /** A data error that one event's values can cause (not a duplicate id, which a concurrent writer causes). */
    private static boolean isAboutOneEvent(SQLException e) {
        return SqlFailures.classify(e) == SqlFailures.Kind.DATA && !SqlFailures.isUniqueViolation(e);
    }

    /** Applies the events one at a time behind savepoints, dead-lettering those the database rejects. */
    private BatchResult oneAtATime(Connection c, List<Decoded> batch) throws SQLException {
        List<DeadLetter> rejected = new ArrayList<>();
        int applied = 0;
        int duplicates = 0;
        for (Decoded decoded : batch) {
            Savepoint savepoint = c.setSavepoint();
            try {
                BatchPlan single = plan(c, List.of(decoded));
                write(c, single);
                applied += single.applied();
                duplicates += single.duplicates();
                rejected.addAll(single.rejected());
            } catch (SQLException e) {
                if (!isAboutOneEvent(e)) {
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
                BatchPlan failed = load(c, List.of(decoded));
                failed.rejectForData(decoded, e);
                recordRejection(c, failed);
                rejected.addAll(failed.rejected());
            }
        }
        return new BatchResult(applied, duplicates, rejected);
    }

    /** Records a rejected event's id so that its redelivery is a duplicate; skipped if even that fails. */
    private void recordRejection(Connection c, BatchPlan failed) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            writeClaims(c, failed.claims());
        } catch (SQLException e) {
            if (SqlFailures.classify(e) != SqlFailures.Kind.DATA) {
                throw e;
            }
            c.rollback(savepoint);
            LOG.warn("Could not record a dead-lettered event: {}", e.toString());
        }
    }

    /**
     * Writes a batch on the assumption that none of its events was recorded before — true of every batch but
     * those with a redelivered or redriven event — so without looking their ids up; the insert of the ids finds
     * out otherwise (an id present: PostgreSQL's {@code ON CONFLICT DO NOTHING} skips it, H2 reports a duplicate
     * key), and then the batch is rolled back and written again with the recorded outcomes looked up.
     *
     * <p>The same assumption for the orders the batch creates: only the others are read (and locked); an order that
     * exists after all makes its insert skip or fail in the same way.
     *
     * <p>Why: the lookup of 500 ids cost 0.43 s (PostgreSQL) and 0.63 s (H2) of a 3.7-5.5 s run of 100,000 events
     * in {@code ReadModelThroughputHarness}; a batch that has to be written again costs one rolled-back insert.
     */
    private BatchPlan writeFirstTime(Connection c, List<Decoded> batch) throws SQLException {
        Set<String> referenced = keys(batch, OrderEvent::orderId);
        for (Decoded decoded : batch) {
            if (decoded.event() instanceof OrderEvent.Created created) {
                referenced.remove(created.orderId());
            }
        }
        BatchPlan plan = new BatchPlan(Map.of(), lockOrders(c, referenced));
        batch.forEach(plan::add);
        try {
            write(c, plan);
            return plan;
        } catch (ConcurrentClaimException | SQLException e) {
            if (e instanceof SQLException sql && !SqlFailures.isUniqueViolation(sql)) {
                throw sql;
            }
            LOG.debug("An event of the batch was recorded before; looking the batch's events up: {}", e.getMessage());
        }
        c.rollback();
        plan = plan(c, batch);
        write(c, plan);
        return plan;
    }

    private BatchPlan plan(Connection c, List<Decoded> batch) throws SQLException {
        BatchPlan plan = load(c, batch);
        batch.forEach(plan::add);
        return plan;
    }

    private static Set<String> keys(List<Decoded> batch, Function<OrderEvent, String> key) {
        Set<String> keys = new LinkedHashSet<>();
        for (Decoded decoded : batch) {
            String value = key.apply(decoded.event());
            if (BatchPlan.validId(value)) {
                keys.add(value);
            }
        }
        return keys;
    }

    /** Starts a plan on the state the batch touches: the ids' recorded outcomes, the orders (locked). */
    private BatchPlan load(Connection c, List<Decoded> batch) throws SQLException {
        return new BatchPlan(
                priors(c, keys(batch, OrderEvent::eventId)), lockOrders(c, keys(batch, OrderEvent::orderId)));
    }

    private Map<String, BatchPlan.Prior> priors(Connection c, Set<String> eventIds) throws SQLException {
        Map<String, BatchPlan.Prior> priors = new HashMap<>();
        if (eventIds.isEmpty()) {
            return priors;
        }
        PreparedStatement select = prepared(c, selectPriors);
        select.setArray(1, varchars(c, eventIds));
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                priors.put(rows.getString(1), new BatchPlan.Prior(rows.getString(2), rows.getString(3)));
            }
        }
        return priors;
    }

    /** Reads the orders the batch refers to and locks them until the commit, so no other writer interleaves. */
    private Map<String, BatchPlan.Order> lockOrders(Connection c, Set<String> orderIds) throws SQLException {
        Map<String, BatchPlan.Order> orders = new HashMap<>();
        if (orderIds.isEmpty()) {
            return orders;
        }
        PreparedStatement select = prepared(c, lockOrders);
        select.setArray(1, varchars(c, orderIds));
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String orderId = rows.getString(1);
                orders.put(
                        orderId,
                        BatchPlan.Order.stored(
                                orderId,
                                rows.getString(2),
                                rows.getString(3),
                                rows.getObject(4, OffsetDateTime.class).toInstant(),
                                rows.getInt(5)));
            }
        }
        return orders;
    }

    private static Array varchars(Connection c, Set<String> values) throws SQLException {
        return c.createArrayOf("VARCHAR", values.toArray());
    }

    private void write(Connection c, BatchPlan plan) throws SQLException {
        writeClaims(c, plan.claims());
        List<BatchPlan.Order> created = plan.createdOrders();
        if (!created.isEmpty()) {
            PreparedStatement insert = prepared(c, insertOrder);
            for (BatchPlan.Order order : created) {
                insert.setString(1, order.orderId);
                insert.setString(2, order.customerId);
                insert.setString(3, order.status);
                insert.setBigDecimal(4, order.total);
                insert.setString(5, order.currency);
                insert.setInt(6, order.itemCount);
                insert.setString(7, order.shipToCity);
                insert.setString(8, order.shipToCountry);
                insert.setString(9, order.cancelReason);
                insert.setObject(10, utc(order.createdAt));
                insert.setObject(11, utc(order.updatedAt));
                insert.setInt(12, order.eventCount);
                insert.addBatch();
            }
            requireEveryRow(executeBatch(insert), created, order -> "order " + order.orderId + " was created");
        }
        List<BatchPlan.Order> updated = plan.updatedOrders();
        if (!updated.isEmpty()) {
            PreparedStatement update = prepared(c, UPDATE_ORDER);
            for (BatchPlan.Order order : updated) {
                update.setString(1, order.status);
                update.setString(2, order.cancelReason);
                update.setObject(3, utc(order.updatedAt));
                update.setInt(4, order.eventCount);
                update.setString(5, order.orderId);
                update.addBatch();
            }
            executeBatch(update);
        }
    }

    private void writeClaims(Connection c, List<BatchPlan.Claim> claims) throws SQLException {
        OffsetDateTime now = utc(clock.instant());
        List<BatchPlan.Claim> inserts = new ArrayList<>();
        List<BatchPlan.Claim> reattempts = new ArrayList<>();
        claims.forEach(claim -> (claim.reattempt() ? reattempts : inserts).add(claim));
        if (!inserts.isEmpty() && insertClaimsFromArrays.isPresent()) {
            insertClaimsFromArrays(c, insertClaimsFromArrays.get(), inserts, now);
        } else if (!inserts.isEmpty()) {
            PreparedStatement insert = prepared(c, insertClaim);
            for (BatchPlan.Claim claim : inserts) {
                ConsumerRecord<byte[], byte[]> record = claim.decoded().record();
                OrderEvent event = claim.decoded().event();
                insert.setString(1, event.eventId());
                insert.setString(2, event.orderId());
                insert.setString(3, event.type());
                insert.setString(4, claim.outcome());
                insert.setString(5, record.topic());
                insert.setInt(6, record.partition());
                insert.setLong(7, record.offset());
                insert.setObject(8, now);
                insert.setString(9, claim.redriveId());
                insert.addBatch();
            }
            requireEveryRow(executeBatch(insert), inserts, ReadModelWriter::recorded);
        }
        if (!reattempts.isEmpty()) {
            PreparedStatement update = prepared(c, REATTEMPT);
            for (BatchPlan.Claim claim : reattempts) {
                ConsumerRecord<byte[], byte[]> record = claim.decoded().record();
                update.setString(1, claim.outcome());
                update.setString(2, claim.decoded().event().type());
                update.setString(3, record.topic());
                update.setInt(4, record.partition());
                update.setLong(5, record.offset());
                update.setObject(6, now);
                update.setString(7, claim.redriveId());
                update.setString(8, claim.decoded().event().eventId());
                update.setString(9, claim.redriveId());
                update.addBatch();
            }
            requireEveryRow(executeBatch(update), reattempts, ReadModelWriter::recorded);
        }
    }

    /** Inserts the claims with one statement over arrays; an id it skips was claimed by another writer. */
    private void insertClaimsFromArrays(Connection c, String sql, List<BatchPlan.Claim> inserts, OffsetDateTime now)
            throws SQLException {
        int n = inserts.size();
        Object[] eventIds = new Object[n];
        Object[] orderIds = new Object[n];
        Object[] types = new Object[n];
        Object[] outcomes = new Object[n];
        Object[] topics = new Object[n];
        Object[] partitions = new Object[n];
        Object[] offsets = new Object[n];
        Object[] redriveIds = new Object[n];
        for (int i = 0; i < n; i++) {
            BatchPlan.Claim claim = inserts.get(i);
            ConsumerRecord<byte[], byte[]> record = claim.decoded().record();
            OrderEvent event = claim.decoded().event();
            eventIds[i] = event.eventId();
            orderIds[i] = event.orderId();
            types[i] = event.type();
            outcomes[i] = claim.outcome();
            topics[i] = record.topic();
            partitions[i] = record.partition();
            offsets[i] = record.offset();
            redriveIds[i] = claim.redriveId();
        }
        PreparedStatement insert = prepared(c, sql);
        insert.setObject(1, now);
        insert.setArray(2, c.createArrayOf("VARCHAR", eventIds));
        insert.setArray(3, c.createArrayOf("VARCHAR", orderIds));
        insert.setArray(4, c.createArrayOf("VARCHAR", types));
        insert.setArray(5, c.createArrayOf("VARCHAR", outcomes));
        insert.setArray(6, c.createArrayOf("VARCHAR", topics));
        insert.setArray(7, c.createArrayOf("INTEGER", partitions));
        insert.setArray(8, c.createArrayOf("BIGINT", offsets));
        insert.setArray(9, c.createArrayOf("VARCHAR", redriveIds));
        Set<String> inserted = new HashSet<>();
        try (ResultSet rows = insert.executeQuery()) {
            while (rows.next()) {
                inserted.add(rows.getString(1));
            }
        }
        for (BatchPlan.Claim claim : inserts) {
            if (!inserted.contains(claim.decoded().event().eventId())) {
                throw new ConcurrentClaimException(recorded(claim));
            }
        }
    }

    /**
     * A row the lookup found free (or absent) but the write found taken: another writer wrote it in between.
     *
     * @param counts the rows each statement of the batch changed
     * @param rows what each statement wrote, in the same order
     * @param taken says what another writer did to a row, e.g. "event e-1 was recorded"
     */
    private static <T> void requireEveryRow(int[] counts, List<T> rows, Function<T, String> taken) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new ConcurrentClaimException(taken.apply(rows.get(i)));
            }
        }
    }

    private static String recorded(BatchPlan.Claim claim) {
        return "event " + claim.decoded().event().eventId() + " was recorded";
    }

    private void raisePositions(Connection c, Map<TopicPartition, Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        PreparedStatement upsert = prepared(c, dialect.raisePosition());
        OffsetDateTime now = utc(clock.instant());
        for (Map.Entry<TopicPartition, Long> position : positions.entrySet()) {
            upsert.setString(1, position.getKey().topic());
            upsert.setInt(2, position.getKey().partition());
            upsert.setLong(3, position.getValue());
            upsert.setObject(4, now);
            upsert.addBatch();
        }
        executeBatch(upsert);
    }

    /** Executes a batch; a batch failure reports the statement's own error (its SQLSTATE), not the wrapper's. */
    private static int[] executeBatch(PreparedStatement statement) throws SQLException {
        try {
            return statement.executeBatch();
        } catch (BatchUpdateException e) {
            SQLException next = e.getNextException();
            throw next != null && next.getSQLState() != null ? next : e;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection opened = connections.open();
            try {
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

    /** Another writer recorded an event id, or created an order, between this batch's lookup and its write. */
    private static final class ConcurrentClaimException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param taken what the other writer did, e.g. "event e-1 was recorded" */
        ConcurrentClaimException(String taken) {
            super(taken + " by another instance meanwhile (rebalance); retrying the batch");
        }
    }
}
