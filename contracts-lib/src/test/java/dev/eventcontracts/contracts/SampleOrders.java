package dev.eventcontracts.contracts;

import dev.eventcontracts.orders.Address;
import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Realistic order events for tests, built with the generated (current) classes. */
final class SampleOrders {

    static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");

    private SampleOrders() {}

    static Money eur(String amount) {
        return Money.newBuilder()
                .setAmount(new BigDecimal(amount))
                .setCurrency("EUR")
                .build();
    }

    static OrderCreated created(String orderId) {
        return OrderCreated.newBuilder()
                .setEventId("evt-" + orderId + "-1")
                .setOrderId(orderId)
                .setCustomerId("cust-42")
                .setItems(List.of(
                        LineItem.newBuilder()
                                .setProductId("sku-1")
                                .setQuantity(2)
                                .setUnitPrice(eur("19.90"))
                                .build(),
                        LineItem.newBuilder()
                                .setProductId("sku-2")
                                .setQuantity(1)
                                .setUnitPrice(eur("5.00"))
                                .build(),
                        LineItem.newBuilder()
                                .setProductId("sku-3")
                                .setQuantity(3)
                                .setUnitPrice(eur("0.10"))
                                .build()))
                .setTotal(eur("45.10"))
                .setCreatedAt(AT)
                .setShippingAddress(Address.newBuilder()
                        .setStreet("Hauptstr. 1")
                        .setCity("Berlin")
                        .setPostalCode("10115")
                        .setCountry("DE")
                        .build())
                .build();
    }

    static OrderStatusChanged statusChanged(String orderId, OrderStatus from, OrderStatus to) {
        return OrderStatusChanged.newBuilder()
                .setEventId("evt-" + orderId + "-" + to)
                .setOrderId(orderId)
                .setPreviousStatus(from)
                .setStatus(to)
                .setChangedAt(AT.plusSeconds(60))
                .build();
    }

    static OrderCancelled cancelled(String orderId) {
        return OrderCancelled.newBuilder()
                .setEventId("evt-" + orderId + "-x")
                .setOrderId(orderId)
                .setReason("customer request")
                .setCancelledAt(AT.plusSeconds(120))
                .build();
    }
}
