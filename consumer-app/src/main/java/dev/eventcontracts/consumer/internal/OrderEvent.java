package dev.eventcontracts.consumer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order event as the read model needs it, independent of the contract version it was read with: the v2
 * generated classes and v1 {@code GenericRecord}s map to the same values. Enum symbols stay strings, so a
 * symbol the consumer's contract does not know arrives as that contract's default ({@code UNKNOWN}).
 */
public sealed interface OrderEvent {

    /** Returns the event id; never null. */
    String eventId();

    /** Returns the order id; never null. */
    String orderId();

    /** Returns the event type's simple name, e.g. {@code OrderCreated}; never null. */
    String type();

    /** One line of an order. */
    record Item(String productId, int quantity, BigDecimal unitPrice, String currency) {}

    /** An order was placed. {@code shipToCity} and {@code shipToCountry} are null without an address. */
    record Created(
            String eventId,
            String orderId,
            String customerId,
            List<Item> items,
            BigDecimal total,
            String currency,
            Instant createdAt,
            String shipToCity,
            String shipToCountry)
            implements OrderEvent {

        /** Copies the items. */
        public Created {
            items = List.copyOf(items);
        }

        @Override
        public String type() {
            return "OrderCreated";
        }
    }

    /** An order moved from one status to another. */
    record StatusChanged(String eventId, String orderId, String previousStatus, String status, Instant changedAt)
            implements OrderEvent {

        @Override
        public String type() {
            return "OrderStatusChanged";
        }
    }

    /** An order was cancelled. */
    record Cancelled(String eventId, String orderId, String reason, Instant cancelledAt) implements OrderEvent {

        @Override
        public String type() {
            return "OrderCancelled";
        }
    }
}
