package dev.eventcontracts.benchmarks.serde;

import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.LineItem;
import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.serde.AvroSerdeConfig;
import dev.eventcontracts.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

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

    /**
     * An order's events as a producer writes them to the topic, three record classes in one union: created, paid,
     * shipped, delivered, then a second order created and cancelled.
     */
    static List<SpecificRecord> lifecycle(int n) {
        Instant at = Instant.parse("2026-11-27T10:15:30.123Z");
        return List.of(
                specific(n),
                changed(n, OrderStatus.CREATED, OrderStatus.PAID, at),
                changed(n, OrderStatus.PAID, OrderStatus.SHIPPED, at),
                changed(n, OrderStatus.SHIPPED, OrderStatus.DELIVERED, at),
                specific(n + 1),
                OrderCancelled.newBuilder()
                        .setEventId("6f1c2e0a-4b7d-4f3e-9a51-" + String.format("%012d", n + 2))
                        .setOrderId("order-" + (n + 1))
                        .setReason("customer request")
                        .setCancelledAt(at)
                        .build());
    }

    /** One thread's place in a list of events written in turn, round and round. */
    static final class InTurn {
        private int next;

        /** Returns the next event of the list, starting over after the last. */
        Object next(List<? extends SpecificRecord> events) {
            Object event = events.get(next);
            next = next + 1 == events.size() ? 0 : next + 1;
            return event;
        }
    }

    /** The newest released union of the order topic's event types: the writer schema of the order producer. */
    static Schema topicUnion() {
        TopicContract topic = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
        List<ReleasedContracts> releases = ReleasedContracts.all();
        return releases.get(releases.size() - 1).valueUnion(topic);
    }

    /**
     * A serializer configured as the order producer configures it: the union registered as the topic's value
     * subject, {@code use.latest.version=true}, no auto-registration.
     */
    static AvroSerializer producerSerializer(SchemaRegistry registry) {
        TopicContract topic = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
        registry.register(topic.value().subject(), AvroSchema.of(topicUnion()), false);
        return new AvroSerializer(
                registry,
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://unused:8081",
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                        AvroSerdeConfig.USE_LATEST_VERSION, true),
                false);
    }

    /** A datum writer of raw Avro with the topic's union as writer schema, as the producer's serializer uses it. */
    static SpecificDatumWriter<Object> unionWriter(Schema union) {
        return new SpecificDatumWriter<>(union, SpecificData.getForClass(OrderCreated.class));
    }

    private static OrderStatusChanged changed(int n, OrderStatus from, OrderStatus to, Instant at) {
        return OrderStatusChanged.newBuilder()
                .setEventId("6f1c2e0a-4b7d-4f3e-9a51-" + String.format("%012d", n + to.ordinal() * 1000))
                .setOrderId("order-" + n)
                .setPreviousStatus(from)
                .setStatus(to)
                .setChangedAt(at)
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
