package dev.eventcontracts.demo;

import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hand-made order events for tests that need a particular order of events. */
final class OrderEvents {

    private OrderEvents() {}

    static OrderCreated created(String orderId) {
        Money price = Money.newBuilder()
                .setAmount(new BigDecimal("12.50"))
                .setCurrency("EUR")
                .build();
        return OrderCreated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setCustomerId("customer-1")
                .setItems(List.of(LineItem.newBuilder()
                        .setProductId("sku-1")
                        .setQuantity(1)
                        .setUnitPrice(price)
                        .build()))
                .setTotal(price)
                .setCreatedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .build();
    }

    static OrderStatusChanged paid(String orderId) {
        return OrderStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setPreviousStatus(OrderStatus.CREATED)
                .setStatus(OrderStatus.PAID)
                .setChangedAt(Instant.parse("2026-12-01T10:05:00Z"))
                .build();
    }
}
