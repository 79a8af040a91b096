package dev.eventcontracts.serde;

import dev.eventcontracts.orders.Address;
import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Test data: order events (current classes and v1 generic records) and Avro's own encoding of a datum. */
final class Orders {

    static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");

    private Orders() {}

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

    static OrderStatusChanged statusChanged(String orderId) {
        return OrderStatusChanged.newBuilder()
                .setEventId("evt-" + orderId + "-2")
                .setOrderId(orderId)
                .setPreviousStatus(OrderStatus.CREATED)
                .setStatus(OrderStatus.PAID)
                .setChangedAt(AT)
                .build();
    }

    static OrderCancelled cancelled(String orderId) {
        return OrderCancelled.newBuilder()
                .setEventId("evt-" + orderId + "-3")
                .setOrderId(orderId)
                .setReason("customer request")
                .setCancelledAt(AT)
                .build();
    }

    /** The order-events union of the current generated classes. */
    static Schema currentUnion() {
        return Schema.createUnion(
                OrderCreated.getClassSchema(), OrderStatusChanged.getClassSchema(), OrderCancelled.getClassSchema());
    }

    /** Parses a released type (and the types it uses) from contracts-lib's jar. */
    static Schema released(int version, String simpleName) {
        Schema.Parser parser = new Schema.Parser();
        for (String name : List.of("Money", "Address", "LineItem", "OrderStatus")) {
            String text = resource("eventcontracts/schemas/released/v" + version + "/" + name + ".avsc");
            if (text != null && !name.equals(simpleName)) {
                parser.parse(text);
            }
        }
        return parser.parse(resource("eventcontracts/schemas/released/v" + version + "/" + simpleName + ".avsc"));
    }

    /** A v1 OrderCreated (no shipping address) as a GenericRecord, amounts as BigDecimal. */
    static GenericRecord createdV1(String orderId) {
        Schema schema = released(1, "OrderCreated");
        Schema itemSchema = schema.getField("items").schema().getElementType();
        Schema moneySchema = schema.getField("total").schema();
        GenericRecord money = new GenericData.Record(moneySchema);
        money.put("amount", new BigDecimal("45.10"));
        money.put("currency", "EUR");
        GenericRecord item = new GenericData.Record(itemSchema);
        item.put("productId", "sku-1");
        item.put("quantity", 1);
        item.put("unitPrice", money);
        GenericRecord order = new GenericData.Record(schema);
        order.put("eventId", "evt-" + orderId + "-1");
        order.put("orderId", orderId);
        order.put("customerId", "cust-42");
        order.put("items", List.of(item));
        order.put("total", money);
        order.put("createdAt", AT);
        return order;
    }

    /** Avro's own binary encoding of a datum with the given writer schema. */
    static byte[] avroBinary(Schema schema, Object datum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            DatumWriter<Object> writer;
            if (datum instanceof SpecificRecord) {
                writer = new SpecificDatumWriter<>(schema);
            } else {
                GenericData data = new GenericData();
                data.addLogicalTypeConversion(new Conversions.DecimalConversion());
                data.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
                writer = new GenericDatumWriter<>(schema, data);
            }
            writer.write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code [0x00, id big-endian] + body}. */
    static byte[] wire(int id, byte[] body) {
        return ByteBuffer.allocate(5 + body.length)
                .put((byte) 0)
                .putInt(id)
                .put(body)
                .array();
    }

    private static String resource(String path) {
        try (InputStream in = Orders.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
