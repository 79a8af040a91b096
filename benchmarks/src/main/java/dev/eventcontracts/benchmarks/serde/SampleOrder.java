package dev.eventcontracts.benchmarks.serde;

import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCreated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/** The benchmarked event: an {@code OrderCreated} with three line items, as a specific and a generic record. */
final class SampleOrder {

    private SampleOrder() {}

    static OrderCreated specific(int n) {
        return OrderCreated.newBuilder()
                .setEventId("6f1c2e0a-4b7d-4f3e-9a51-" + String.format("%012d", n))
                .setOrderId("order-" + n)
                .setCustomerId("customer-42")
                .setItems(List.of(item("sku-1", 2, "19.90"), item("sku-2", 1, "5.00"), item("sku-3", 3, "0.10")))
                .setTotal(eur("45.10"))
                .setCreatedAt(Instant.parse("2026-11-27T10:15:30.123Z"))
                .setShippingAddress(null)
                .build();
    }

    /** The same event as a GenericRecord holding converted logical values (BigDecimal, Instant). */
    static GenericRecord generic(OrderCreated order) {
        try {
            return new GenericDatumReader<GenericRecord>(
                            OrderCreated.getClassSchema(), OrderCreated.getClassSchema(), convertingModel())
                    .read(null, DecoderFactory.get().binaryDecoder(avro(order), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Avro's binary encoding of the event, without any header. */
    static byte[] avro(OrderCreated order) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(OrderCreated.class).write(order, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GenericData convertingModel() {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        return data;
    }

    private static LineItem item(String sku, int quantity, String price) {
        return LineItem.newBuilder()
                .setProductId(sku)
                .setQuantity(quantity)
                .setUnitPrice(eur(price))
                .build();
    }

    private static Money eur(String amount) {
        return Money.newBuilder()
                .setAmount(new BigDecimal(amount))
                .setCurrency("EUR")
                .build();
    }
}
