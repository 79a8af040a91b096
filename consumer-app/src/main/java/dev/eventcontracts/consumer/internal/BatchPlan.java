package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.DeadLetterHeaders;
import dev.eventcontracts.consumer.DeadLetterReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch of events does to the read model, worked out in memory before anything is written: which event ids
 * are claimed (and with which outcome), which orders are created or changed (their final state), which events are
 * duplicates, and which are rejected with the reason. Pure: the writer loads the state the batch touches, lets
 * the plan take each event in offset order, then writes the result in a few batched statements.
 *
 * <p>An event whose id is already recorded is a duplicate (a redelivery), with one exception: an event recorded
 * as dead-lettered that comes back <em>re-driven</em> ({@link DeadLetterHeaders#REDRIVEN_FROM}) is tried again,
 * once per re-drive — the cause may have been fixed meanwhile (e.g. its order now exists). An event already
 * applied stays a duplicate however it comes back.
 */
final class BatchPlan {

    /** Where an event id stands in the read model: its outcome and the re-drive it came from, if any. */
    record Prior(String outcome, String redriveId) {}

    /** An event id to record: a new row, or (re-attempt) an update of its dead-lettered row. */
    record Claim(ReadModelWriter.Decoded decoded, String outcome, String redriveId, boolean reattempt) {}

    /** An order as the batch leaves it. */
    static final class Order {
        final String orderId;
        final boolean stored;
        String customerId;
        String status;
        BigDecimal total;
        String currency;
        int itemCount;
        String shipToCity;
        String shipToCountry;
        String cancelReason;
        Instant createdAt;
        Instant updatedAt;
        int eventCount;

        Order(String orderId, boolean stored) {
            this.orderId = orderId;
            this.stored = stored;
        }

        static Order stored(String orderId, String status, String cancelReason, Instant updatedAt, int eventCount) {
            Order order = new Order(orderId, true);
            order.status = status;
            order.cancelReason = cancelReason;
            order.updatedAt = updatedAt;
            order.eventCount = eventCount;
            return order;
        }
    }

    enum Outcome {
        APPLIED,
        DUPLICATE,
        REJECTED
    }

    static final int MAX_ID_LENGTH = 64;

    private final Map<String, Prior> priors;
    private final Map<String, Order> orders;
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Map<String, Order> changed = new LinkedHashMap<>();
    private final List<DeadLetter> rejected = new ArrayList<>();
    private int applied;
    private int duplicates;

    /**
     * Starts a plan on the state the batch touches.
     *
     * @param priors the recorded outcome of every event id of the batch that has one
     * @param orders the stored orders the batch refers to, by id
     */
    BatchPlan(Map<String, Prior> priors, Map<String, Order> orders) {
        this.priors = new LinkedHashMap<>(priors);
        this.orders = new LinkedHashMap<>(orders);
    }

    /** Takes the next event of the batch. */
    Outcome add(ReadModelWriter.Decoded decoded) {
        OrderEvent event = decoded.event();
        if (!validId(event.eventId()) || !validId(event.orderId())) {
            String field = validId(event.eventId()) ? "orderId" : "eventId";
            String value = validId(event.eventId()) ? event.orderId() : event.eventId();
            rejected.add(new DeadLetter(
                    decoded.record(),
                    DeadLetterReason.INVALID_EVENT,
                    new InvalidEventException(
                            field + " '" + value + "' must be 1 to " + MAX_ID_LENGTH + " characters and not blank")));
            return Outcome.REJECTED;
        }
        String redrive = decoded.redriveId();
        Prior prior = priors.get(event.eventId());
        boolean reattempt = false;
        if (prior != null) {
            if (ReadModelTables.APPLIED.equals(prior.outcome())
                    || redrive == null
                    || redrive.equals(prior.redriveId())) {
                duplicates++;
                return Outcome.DUPLICATE;
            }
            reattempt = true;
        }
        try {
            apply(event);
            claim(new Claim(decoded, ReadModelTables.APPLIED, redrive, reattempt));
            applied++;
            return Outcome.APPLIED;
        } catch (InvalidEventException e) {
            claim(new Claim(decoded, ReadModelTables.DEAD_LETTERED, redrive, reattempt));
            rejected.add(new DeadLetter(decoded.record(), DeadLetterReason.INVALID_EVENT, e));
            return Outcome.REJECTED;
        }
    }

    /**
     * Records an event the database rejected for its data as dead-lettered, so that its redelivery is a
     * duplicate; used one event at a time, after the event's own writes were rolled back.
     */
    void rejectForData(ReadModelWriter.Decoded decoded, Exception cause) {
        OrderEvent event = decoded.event();
        rejected.add(new DeadLetter(decoded.record(), DeadLetterReason.PROCESSING_FAILED, cause));
        if (validId(event.eventId()) && validId(event.orderId())) {
            Prior prior = priors.get(event.eventId());
            claim(new Claim(decoded, ReadModelTables.DEAD_LETTERED, decoded.redriveId(), prior != null));
        }
    }

    private void claim(Claim claim) {
        String eventId = claim.decoded().event().eventId();
        Claim pending = claims.get(eventId);
        if (pending != null && !pending.reattempt()) {
            // claimed earlier in this batch and not written yet (e.g. a dead letter and its re-driven copy, as a new
            // consumer group or a rebuild reads them): still one new row, with the latest outcome
            claim = new Claim(claim.decoded(), claim.outcome(), claim.redriveId(), false);
        }
        claims.put(eventId, claim);
        priors.put(eventId, new Prior(claim.outcome(), claim.redriveId()));
    }

    private void apply(OrderEvent event) {
        if (event instanceof OrderEvent.Created created) {
            create(created);
            return;
        }
        Order order = orders.get(event.orderId());
        if (order == null) {
            throw new InvalidEventException(event.type() + " " + event.eventId() + " for unknown order '"
                    + event.orderId() + "': its OrderCreated was never processed");
        }
        if (event instanceof OrderEvent.StatusChanged change) {
            String problem = Transitions.checkChange(order.status, change.previousStatus(), change.status());
            if (problem != null) {
                throw new InvalidEventException("OrderStatusChanged " + change.eventId() + " of order '"
                        + change.orderId() + "' " + change.previousStatus() + " -> " + change.status() + ": "
                        + problem);
            }
            update(order, change.status(), null, change.changedAt());
        } else {
            OrderEvent.Cancelled cancel = (OrderEvent.Cancelled) event;
            String problem = Transitions.checkCancel(order.status);
            if (problem != null) {
                throw new InvalidEventException(
                        "OrderCancelled " + cancel.eventId() + " of order '" + cancel.orderId() + "': " + problem);
            }
            update(order, Transitions.CANCELLED, cancel.reason(), cancel.cancelledAt());
        }
    }

    private void create(OrderEvent.Created created) {
        validate(created);
        if (orders.containsKey(created.orderId())) {
            throw new InvalidEventException(
                    "OrderCreated " + created.eventId() + ": order '" + created.orderId() + "' already exists");
        }
        Order order = new Order(created.orderId(), false);
        order.customerId = created.customerId();
        order.status = Transitions.CREATED;
        order.total = created.total();
        order.currency = created.currency();
        order.itemCount =
                created.items().stream().mapToInt(OrderEvent.Item::quantity).sum();
        order.shipToCity = created.shipToCity();
        order.shipToCountry = created.shipToCountry();
        order.createdAt = created.createdAt();
        order.updatedAt = created.createdAt();
        order.eventCount = 1;
        orders.put(order.orderId, order);
        changed.put(order.orderId, order);
    }

    private void update(Order order, String status, String cancelReason, Instant at) {
        order.status = status;
        if (cancelReason != null) {
            order.cancelReason = cancelReason;
        }
        order.updatedAt = at;
        order.eventCount++;
        changed.put(order.orderId, order);
    }

    private static void validate(OrderEvent.Created created) {
        String where = "OrderCreated " + created.eventId() + " of order '" + created.orderId() + "': ";
        if (!validId(created.customerId())) {
            throw new InvalidEventException("customerId '" + created.customerId() + "' must be 1 to " + MAX_ID_LENGTH
                    + " characters and not blank");
        }
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

    static boolean validId(String value) {
        return !value.isBlank() && value.length() <= MAX_ID_LENGTH;
    }

    /** Returns the event ids to record, in the order of their events. */
    List<Claim> claims() {
        return List.copyOf(claims.values());
    }

    /** Returns the orders the batch created. */
    List<Order> createdOrders() {
        return changed.values().stream().filter(o -> !o.stored).toList();
    }

    /** Returns the stored orders the batch changed. */
    List<Order> updatedOrders() {
        return changed.values().stream().filter(o -> o.stored).toList();
    }

    List<DeadLetter> rejected() {
        return List.copyOf(rejected);
    }

    int applied() {
        return applied;
    }

    int duplicates() {
        return duplicates;
    }
}
