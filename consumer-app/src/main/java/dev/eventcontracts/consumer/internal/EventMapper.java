package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Maps a decoded event record — a generated class or a {@code GenericRecord} of an older release — to an
 * {@link OrderEvent}, by field name. Decimals and timestamps are accepted converted ({@code BigDecimal},
 * {@code Instant}) or raw ({@code bytes}, {@code long}).
 */
public final class EventMapper {

    private static final String CREATED = OrderCreated.getClassSchema().getFullName();
    private static final String STATUS_CHANGED =
            OrderStatusChanged.getClassSchema().getFullName();
    private static final String CANCELLED = OrderCancelled.getClassSchema().getFullName();

    private EventMapper() {}

    /**
     * Maps one record.
     *
     * @param value the decoded value; may be anything the deserializer returns
     * @return the event; never null
     * @throws InvalidEventException when the value is not an order event or a required field is missing
     */
    public static OrderEvent map(Object value) {
        if (!(value instanceof GenericRecord record)) {
            throw new InvalidEventException("value is not an order event record but "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        String type = record.getSchema().getFullName();
        try {
            if (CREATED.equals(type)) {
                return created(record);
            }
            if (STATUS_CHANGED.equals(type)) {
                return new OrderEvent.StatusChanged(
                        text(record, "eventId"),
                        text(record, "orderId"),
                        text(record, "previousStatus"),
                        text(record, "status"),
                        time(record, "changedAt"));
            }
            if (CANCELLED.equals(type)) {
                return new OrderEvent.Cancelled(
                        text(record, "eventId"),
                        text(record, "orderId"),
                        text(record, "reason"),
                        time(record, "cancelledAt"));
            }
        } catch (NullPointerException | ClassCastException | org.apache.avro.AvroRuntimeException e) {
            throw new InvalidEventException(type + " is malformed: " + e.getMessage(), e);
        }
        throw new InvalidEventException("unknown event type '" + type + "'");
    }

    private static OrderEvent created(GenericRecord record) {
        List<OrderEvent.Item> items = new ArrayList<>();
        for (Object element : (Collection<?>) record.get("items")) {
            GenericRecord item = (GenericRecord) element;
            GenericRecord price = (GenericRecord) item.get("unitPrice");
            items.add(new OrderEvent.Item(
                    text(item, "productId"), (Integer) item.get("quantity"), amount(price), text(price, "currency")));
        }
        GenericRecord total = (GenericRecord) record.get("total");
        GenericRecord address = record.getSchema().getField("shippingAddress") == null
                ? null
                : (GenericRecord) record.get("shippingAddress");
        return new OrderEvent.Created(
                text(record, "eventId"),
                text(record, "orderId"),
                text(record, "customerId"),
                items,
                amount(total),
                text(total, "currency"),
                time(record, "createdAt"),
                address == null ? null : text(address, "city"),
                address == null ? null : text(address, "country"));
    }

    private static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        if (value == null) {
            throw new InvalidEventException(
                    "field '" + field + "' of " + record.getSchema().getName() + " is null");
        }
        return value.toString();
    }

    private static Instant time(GenericRecord record, String field) {
        Object value = record.get(field);
        if (value instanceof Instant instant) {
            return instant;
        }
        return Instant.ofEpochMilli((Long) value);
    }

    private static BigDecimal amount(GenericRecord money) {
        Object value = money.get("amount");
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        Schema schema = money.getSchema().getField("amount").schema();
        int scale = ((LogicalTypes.Decimal) schema.getLogicalType()).getScale();
        byte[] bytes;
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            bytes = new byte[view.remaining()];
            view.get(bytes);
        } else {
            bytes = (byte[]) value;
        }
        return new BigDecimal(new BigInteger(bytes), scale);
    }
}
