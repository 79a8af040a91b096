package dev.eventcontracts.producer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents attributes of an order event in Kafka binary mode: one {@code ce_}-prefixed header per
 * attribute, the Avro value (Confluent wire format) as the data, and {@code content-type} describing it.
 *
 * <p>Every value is derived from the event itself: {@code ce_id} is the event id, {@code ce_type} the full name
 * of its Avro type, {@code ce_subject} the order id (the record key), {@code ce_time} the event's own timestamp
 * field (RFC 3339, UTC). Consumers can route and deduplicate on headers without decoding the value.
 *
 * @since 0.1.0
 */
public final class CloudEventHeaders {

    /** The CloudEvents spec version attribute ({@value}). */
    public static final String SPEC_VERSION = "ce_specversion";
    /** The event id attribute ({@value}). */
    public static final String ID = "ce_id";
    /** The event source attribute ({@value}), a URI reference naming the producing service. */
    public static final String SOURCE = "ce_source";
    /** The event type attribute ({@value}). */
    public static final String TYPE = "ce_type";
    /** The event time attribute ({@value}). */
    public static final String TIME = "ce_time";
    /** The event subject attribute ({@value}): the order id. */
    public static final String SUBJECT = "ce_subject";
    /** The data content type header ({@value}); binary mode maps {@code datacontenttype} onto it. */
    public static final String CONTENT_TYPE = "content-type";
    /** The CloudEvents version written ({@value}). */
    public static final String SPEC_VERSION_VALUE = "1.0";
    /** The content type of the data: Avro binary, framed in the schema registry wire format ({@value}). */
    public static final String AVRO_CONTENT_TYPE = "application/avro";

    private CloudEventHeaders() {}

    /**
     * Builds the headers of one event.
     *
     * @param event the event record (its schema names the type); never null
     * @param eventId the event id; never null
     * @param subject the order id; never null
     * @param source the producing service, e.g. {@code /order-service}; never null
     * @return new mutable headers; never null
     */
    public static Headers of(GenericRecord event, String eventId, String subject, String source) {
        Objects.requireNonNull(event, "event");
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, SPEC_VERSION_VALUE);
        add(headers, ID, Objects.requireNonNull(eventId, "eventId"));
        add(headers, SOURCE, Objects.requireNonNull(source, "source"));
        add(headers, TYPE, event.getSchema().getFullName());
        Instant time = eventTime(event);
        if (time != null) {
            add(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        }
        add(headers, SUBJECT, Objects.requireNonNull(subject, "subject"));
        add(headers, CONTENT_TYPE, AVRO_CONTENT_TYPE);
        return headers;
    }

    /**
     * Returns the event's own time: the value of its first {@code timestamp-millis} field.
     *
     * @param event the event; never null
     * @return the time, or null when the record has no such field or it is null
     */
    static Instant eventTime(GenericRecord event) {
        for (Schema.Field field : event.getSchema().getFields()) {
            if (field.schema().getLogicalType() instanceof LogicalTypes.TimestampMillis) {
                Object value = event.get(field.pos());
                if (value instanceof Instant instant) {
                    return instant;
                }
                if (value instanceof Long millis) {
                    return Instant.ofEpochMilli(millis);
                }
            }
        }
        return null;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
