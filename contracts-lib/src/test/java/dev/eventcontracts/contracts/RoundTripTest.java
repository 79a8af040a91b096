package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    static Stream<SpecificRecord> events() {
        return Stream.of(
                SampleOrders.created("o-1"),
                SampleOrders.statusChanged("o-1", OrderStatus.CREATED, OrderStatus.PAID),
                SampleOrders.statusChanged("o-1", OrderStatus.DELIVERED, OrderStatus.RETURNED),
                SampleOrders.cancelled("o-2"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEvent_roundTripsThroughAvroBinary(SpecificRecord event) {
        Schema schema = event.getSchema();

        Object back = AvroBinary.readSpecific(AvroBinary.writeSpecific(schema, event), schema, schema);

        assertThat(back).isEqualTo(event).isInstanceOf(event.getClass());
    }

    @Test
    void decimalAmounts_keepTheirScale() {
        OrderCreated created = SampleOrders.created("o-3");

        OrderCreated back = AvroBinary.readSpecific(
                AvroBinary.writeSpecific(OrderCreated.getClassSchema(), created),
                OrderCreated.getClassSchema(),
                OrderCreated.getClassSchema());

        assertThat(back.getItems().get(1).getUnitPrice().getAmount())
                .isEqualTo(new BigDecimal("5.00"))
                .hasToString("5.00");
        assertThat(back.getItems().get(2).getUnitPrice().getAmount().scale()).isEqualTo(2);
        assertThat(back.getTotal().getAmount()).hasToString("45.10");
    }

    @Test
    void timestamps_areInstantsWithMillisecondPrecision() {
        OrderCancelled cancelled = SampleOrders.cancelled("o-4");

        OrderCancelled back = AvroBinary.readSpecific(
                AvroBinary.writeSpecific(OrderCancelled.getClassSchema(), cancelled),
                OrderCancelled.getClassSchema(),
                OrderCancelled.getClassSchema());

        assertThat(back.getCancelledAt()).isEqualTo(SampleOrders.AT.plusSeconds(120));
    }

    @Test
    void valueUnion_carriesEveryEventTypeOfTheTopic() {
        TopicContract topic = TopicContracts.load().topicFor(OrderStatusChanged.getClassSchema());
        Schema union = Schema.createUnion(topic.value().eventTypes().stream()
                .map(name -> switch (name.substring(name.lastIndexOf('.') + 1)) {
                    case "OrderCreated" -> OrderCreated.getClassSchema();
                    case "OrderStatusChanged" -> OrderStatusChanged.getClassSchema();
                    case "OrderCancelled" -> OrderCancelled.getClassSchema();
                    default -> throw new AssertionError("unexpected event type " + name);
                })
                .toList());

        events().forEach(event -> assertThat(
                        AvroBinary.<Object>readSpecific(AvroBinary.writeSpecific(union, event), union, union))
                .isEqualTo(event));
    }
}
