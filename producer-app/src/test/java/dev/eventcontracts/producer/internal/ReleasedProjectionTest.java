package dev.eventcontracts.producer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.orders.Address;
import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ReleasedProjectionTest {

    private static final ReleasedContracts V1 = ReleasedContracts.load(1);
    private static final Money TEN_EUR = Money.newBuilder()
            .setAmount(new BigDecimal("10.00"))
            .setCurrency("EUR")
            .build();

    @Test
    void project_v2OrderCreatedWithAddress_givesV1RecordWithoutTheField() {
        OrderCreated created = OrderCreated.newBuilder()
                .setEventId("e")
                .setOrderId("o")
                .setCustomerId("c")
                .setItems(List.of(LineItem.newBuilder()
                        .setProductId("p")
                        .setQuantity(1)
                        .setUnitPrice(TEN_EUR)
                        .build()))
                .setTotal(TEN_EUR)
                .setCreatedAt(Instant.ofEpochMilli(42))
                .setShippingAddress(Address.newBuilder()
                        .setStreet("s")
                        .setCity("c")
                        .setPostalCode("p")
                        .setCountry("DE")
                        .build())
                .build();

        GenericRecord v1 = new ReleasedProjection(V1).project(created);

        assertThat(v1.getSchema()).isEqualTo(V1.type("dev.eventcontracts.orders.OrderCreated"));
        assertThat(v1.getSchema().getField("shippingAddress")).isNull();
        assertThat(v1.get("createdAt")).isEqualTo(42L);
        GenericRecord total = (GenericRecord) v1.get("total");
        Schema amount = total.getSchema().getField("amount").schema();
        assertThat(new Conversions.DecimalConversion()
                        .fromBytes((ByteBuffer) total.get("amount"), amount, amount.getLogicalType()))
                .isEqualByComparingTo("10.00");
    }

    @Test
    void project_statusUnknownToV1_becomesTheEnumDefault() {
        OrderStatusChanged returned = OrderStatusChanged.newBuilder()
                .setEventId("e")
                .setOrderId("o")
                .setPreviousStatus(OrderStatus.DELIVERED)
                .setStatus(OrderStatus.RETURNED)
                .setChangedAt(Instant.ofEpochMilli(1))
                .build();

        GenericRecord v1 = new ReleasedProjection(V1).project(returned);

        assertThat(v1.get("status"))
                .isEqualTo(new GenericData.EnumSymbol(V1.type("dev.eventcontracts.orders.OrderStatus"), "UNKNOWN"));
        assertThat(v1.get("previousStatus").toString()).isEqualTo("DELIVERED");
    }
}
