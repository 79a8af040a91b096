package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.DeadLetterHeaders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Domain events and raw records for read model tests. */
final class TestEvents {

    static final String TOPIC = "order-events";
    static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    private final AtomicLong offsets = new AtomicLong();

    OrderEvent.Created created(String orderId) {
        return created(orderId, "Berlin");
    }

    /** An order created with the given ship-to city, e.g. one too long for its column. */
    OrderEvent.Created created(String orderId, String shipToCity) {
        return new OrderEvent.Created(
                "c-" + orderId,
                orderId,
                "cust-1",
                List.of(
                        new OrderEvent.Item("sku-1", 2, new BigDecimal("10.00"), "EUR"),
                        new OrderEvent.Item("sku-2", 1, new BigDecimal("5.50"), "EUR")),
                new BigDecimal("25.50"),
                "EUR",
                AT,
                shipToCity,
                "DE");
    }

    OrderEvent.StatusChanged changed(String orderId, String from, String to) {
        return new OrderEvent.StatusChanged("s-" + orderId + "-" + to, orderId, from, to, AT.plusSeconds(60));
    }

    OrderEvent.Cancelled cancelled(String orderId) {
        return new OrderEvent.Cancelled("x-" + orderId, orderId, "customer request", AT.plusSeconds(90));
    }

    ReadModelWriter.Decoded decoded(OrderEvent event) {
        return new ReadModelWriter.Decoded(record(new byte[] {1}, new byte[] {2}), event);
    }

    /** The event as it comes back re-driven from the given dead letter. */
    ReadModelWriter.Decoded redriven(OrderEvent event, String from) {
        ConsumerRecord<byte[], byte[]> record = record(new byte[] {1}, new byte[] {2});
        record.headers().add(DeadLetterHeaders.REDRIVEN_FROM, from.getBytes(StandardCharsets.UTF_8));
        return new ReadModelWriter.Decoded(record, event);
    }

    ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 0, offsets.getAndIncrement(), key, value);
    }
}
