package dev.eventcontracts.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class OrderLifecycleGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private static List<SpecificRecord> generate(long seed, ContractFeatures features, int count) {
        OrderLifecycleGenerator generator = new OrderLifecycleGenerator(seed, CLOCK, features);
        List<SpecificRecord> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(generator.next());
        }
        return events;
    }

    @Test
    void next_sameSeed_givesSameEvents() {
        assertThat(generate(7, ContractFeatures.current(), 500))
                .isEqualTo(generate(7, ContractFeatures.current(), 500));
    }

    @Test
    void next_differentSeeds_shareNoEventIds() {
        Set<Object> first = eventIds(generate(1, ContractFeatures.current(), 2_000));
        Set<Object> second = eventIds(generate(2, ContractFeatures.current(), 2_000));
        assertThat(first).hasSize(2_000).doesNotContainAnyElementsOf(second);
    }

    @Test
    void next_eventsOfEachOrder_followTheLifecycle() {
        Map<String, OrderStatus> status = new HashMap<>();
        Set<String> finished = new HashSet<>();
        for (SpecificRecord event : generate(3, ContractFeatures.current(), 5_000)) {
            if (event instanceof OrderCreated created) {
                assertThat(status.put(created.getOrderId(), OrderStatus.CREATED))
                        .isNull();
            } else if (event instanceof OrderStatusChanged changed) {
                assertThat(finished).doesNotContain(changed.getOrderId());
                assertThat(status.get(changed.getOrderId())).isEqualTo(changed.getPreviousStatus());
                assertThat(allowedNext(changed.getPreviousStatus())).isEqualTo(changed.getStatus());
                status.put(changed.getOrderId(), changed.getStatus());
            } else {
                OrderCancelled cancelled = (OrderCancelled) event;
                assertThat(status.get(cancelled.getOrderId())).isIn(OrderStatus.CREATED, OrderStatus.PAID);
                assertThat(finished.add(cancelled.getOrderId())).isTrue();
            }
        }
    }

    @Test
    void next_manyEvents_coverEveryStepIncludingCancellationsAndReturns() {
        Map<Object, Integer> kinds = new HashMap<>();
        for (SpecificRecord event : generate(4, ContractFeatures.current(), 5_000)) {
            Object kind = event instanceof OrderStatusChanged changed ? changed.getStatus() : event.getClass();
            kinds.merge(kind, 1, Integer::sum);
        }
        assertThat(kinds)
                .containsKeys(
                        OrderCreated.class,
                        OrderCancelled.class,
                        OrderStatus.PAID,
                        OrderStatus.SHIPPED,
                        OrderStatus.DELIVERED,
                        OrderStatus.RETURNED);
    }

    @Test
    void next_v1Features_neverWritesAddressOrReturned() {
        ContractFeatures v1 = ContractFeatures.of(ReleasedContracts.load(1));
        assertThat(v1).isEqualTo(new ContractFeatures(false, false));
        for (SpecificRecord event : generate(5, v1, 5_000)) {
            if (event instanceof OrderCreated created) {
                assertThat(created.getShippingAddress()).isNull();
            }
            if (event instanceof OrderStatusChanged changed) {
                assertThat(changed.getStatus()).isNotEqualTo(OrderStatus.RETURNED);
            }
        }
    }

    @Test
    void next_created_totalIsSumOfItemsInOneCurrency() {
        generate(6, ContractFeatures.current(), 2_000).stream()
                .filter(OrderCreated.class::isInstance)
                .map(OrderCreated.class::cast)
                .forEach(created -> {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (LineItem item : created.getItems()) {
                        assertThat(item.getQuantity()).isPositive();
                        assertThat(item.getUnitPrice().getCurrency())
                                .isEqualTo(created.getTotal().getCurrency());
                        sum = sum.add(item.getUnitPrice().getAmount().multiply(BigDecimal.valueOf(item.getQuantity())));
                    }
                    assertThat(created.getItems()).isNotEmpty();
                    assertThat(created.getTotal().getAmount()).isEqualByComparingTo(sum);
                    assertThat(created.getTotal().getAmount().scale()).isEqualTo(2);
                });
    }

    @Test
    void next_fixedClock_timesStillIncreaseByAtLeastOneMillisecond() {
        List<SpecificRecord> events = generate(8, ContractFeatures.current(), 100);
        Instant previous = Instant.MIN;
        for (SpecificRecord event : events) {
            Instant time = CloudEventHeaders.eventTime((org.apache.avro.generic.GenericRecord) event);
            assertThat(time).isAfter(previous);
            previous = time;
        }
    }

    private static Set<Object> eventIds(List<SpecificRecord> events) {
        Set<Object> ids = new HashSet<>();
        events.forEach(e -> ids.add(((org.apache.avro.generic.GenericRecord) e).get("eventId")));
        return ids;
    }

    private static OrderStatus allowedNext(OrderStatus status) {
        return switch (status) {
            case CREATED -> OrderStatus.PAID;
            case PAID -> OrderStatus.SHIPPED;
            case SHIPPED -> OrderStatus.DELIVERED;
            case DELIVERED -> OrderStatus.RETURNED;
            default -> null;
        };
    }
}
