package dev.eventcontracts.producer;

import dev.eventcontracts.orders.Address;
import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Generates realistic order lifecycles: each order is created, then paid, shipped and delivered, and some are
 * cancelled on the way (or, where the contract knows the status, returned after delivery).
 *
 * <p>Several orders are in flight at once, so the events of different orders interleave as they would in a real
 * shop, while the events of one order always come in lifecycle order. The same seed gives the same events; ids
 * are UUIDs drawn from the seeded random, so runs with different seeds never share an event or order id.
 *
 * <p>Events are built with the current generated classes; {@link ContractFeatures} restricts them to what an
 * older contract can carry (no shipping address, no {@code RETURNED} in v1). Not thread-safe.
 *
 * @since 0.1.0
 */
public final class OrderLifecycleGenerator {

    private static final int ORDERS_IN_FLIGHT = 24;
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "GBP"};
    private static final String[] CANCEL_REASONS = {
        "customer request", "payment declined", "out of stock", "duplicate order"
    };
    private static final Address[] ADDRESSES = {
        address("Hauptstr. 1", "Berlin", "10115", "DE"),
        address("Rue de Rivoli 99", "Paris", "75001", "FR"),
        address("Damrak 1", "Amsterdam", "1012 LG", "NL"),
        address("Gran Via 28", "Madrid", "28013", "ES"),
        address("221B Baker Street", "London", "NW1 6XE", "GB"),
    };

    private final Random random;
    private final ContractFeatures features;
    private final List<OrderInFlight> inFlight = new ArrayList<>();
    private final Clock clock;
    private long lastMillis = Long.MIN_VALUE + 1;

    /**
     * Creates a generator.
     *
     * @param seed the random seed; the same seed, clock and features give the same events
     * @param clock gives the event times; each event is at least 1 ms after the previous one, so times never
     *     repeat and never run backwards within an order; never null
     * @param features what the contract version in use can carry; never null
     */
    public OrderLifecycleGenerator(long seed, Clock clock, ContractFeatures features) {
        this.random = new Random(seed);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.features = Objects.requireNonNull(features, "features");
    }

    /**
     * Returns the next event: an {@link OrderCreated}, {@link OrderStatusChanged} or {@link OrderCancelled}.
     *
     * @return the event; never null
     */
    public SpecificRecord next() {
        lastMillis = Math.max(clock.millis(), lastMillis + 1);
        Instant now = Instant.ofEpochMilli(lastMillis);
        if (inFlight.size() < ORDERS_IN_FLIGHT && (inFlight.isEmpty() || random.nextInt(3) == 0)) {
            return create(now);
        }
        int index = random.nextInt(inFlight.size());
        OrderInFlight order = inFlight.get(index);
        SpecificRecord event = advance(order, now);
        if (order.finished) {
            inFlight.set(index, inFlight.get(inFlight.size() - 1));
            inFlight.remove(inFlight.size() - 1);
        }
        return event;
    }

    private OrderCreated create(Instant now) {
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        List<LineItem> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            int quantity = 1 + random.nextInt(3);
            BigDecimal unitPrice =
                    BigDecimal.valueOf(99 + random.nextInt(20_000), 2).setScale(2, RoundingMode.UNNECESSARY);
            items.add(LineItem.newBuilder()
                    .setProductId(String.format("sku-%05d", random.nextInt(50_000)))
                    .setQuantity(quantity)
                    .setUnitPrice(money(unitPrice, currency))
                    .build());
            total = total.add(unitPrice.multiply(BigDecimal.valueOf(quantity)));
        }
        OrderInFlight order = new OrderInFlight(uuid());
        inFlight.add(order);
        Address shipTo = features.shippingAddress() && random.nextInt(5) != 0
                ? ADDRESSES[random.nextInt(ADDRESSES.length)]
                : null;
        return OrderCreated.newBuilder()
                .setEventId(uuid())
                .setOrderId(order.orderId)
                .setCustomerId(String.format("cust-%04d", random.nextInt(5_000)))
                .setItems(items)
                .setTotal(money(total, currency))
                .setCreatedAt(now)
                .setShippingAddress(shipTo)
                .build();
    }

    private SpecificRecord advance(OrderInFlight order, Instant now) {
        OrderStatus current = order.status;
        boolean cancel = switch (current) {
            case CREATED -> random.nextInt(100) < 12;
            case PAID -> random.nextInt(100) < 6;
            default -> false;
        };
        if (cancel) {
            order.finished = true;
            return OrderCancelled.newBuilder()
                    .setEventId(uuid())
                    .setOrderId(order.orderId)
                    .setReason(CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)])
                    .setCancelledAt(now)
                    .build();
        }
        OrderStatus next = switch (current) {
            case CREATED -> OrderStatus.PAID;
            case PAID -> OrderStatus.SHIPPED;
            case SHIPPED -> OrderStatus.DELIVERED;
            default -> OrderStatus.RETURNED;
        };
        order.status = next;
        order.finished = next == OrderStatus.RETURNED
                || next == OrderStatus.DELIVERED && !(features.returned() && random.nextInt(100) < 5);
        return OrderStatusChanged.newBuilder()
                .setEventId(uuid())
                .setOrderId(order.orderId)
                .setPreviousStatus(current)
                .setStatus(next)
                .setChangedAt(now)
                .build();
    }

    private String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.newBuilder().setAmount(amount).setCurrency(currency).build();
    }

    private static Address address(String street, String city, String postalCode, String country) {
        return Address.newBuilder()
                .setStreet(street)
                .setCity(city)
                .setPostalCode(postalCode)
                .setCountry(country)
                .build();
    }

    private static final class OrderInFlight {
        private final String orderId;
        private OrderStatus status = OrderStatus.CREATED;
        private boolean finished;

        private OrderInFlight(String orderId) {
            this.orderId = orderId;
        }
    }
}
