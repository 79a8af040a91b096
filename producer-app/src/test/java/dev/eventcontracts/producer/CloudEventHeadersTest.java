package dev.eventcontracts.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.orders.OrderCancelled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    private static final OrderCancelled CANCELLED = OrderCancelled.newBuilder()
            .setEventId("e-1")
            .setOrderId("o-1")
            .setReason("customer request")
            .setCancelledAt(Instant.parse("2026-11-27T10:15:30.123Z"))
            .build();

    @Test
    void of_event_writesEveryBinaryModeAttribute() {
        Map<String, String> headers = asMap(CloudEventHeaders.of(CANCELLED, "e-1", "o-1", "/order-service"));

        assertThat(headers)
                .containsExactly(
                        Map.entry("ce_specversion", "1.0"),
                        Map.entry("ce_id", "e-1"),
                        Map.entry("ce_source", "/order-service"),
                        Map.entry("ce_type", "dev.eventcontracts.orders.OrderCancelled"),
                        Map.entry("ce_time", "2026-11-27T10:15:30.123Z"),
                        Map.entry("ce_subject", "o-1"),
                        Map.entry("content-type", "application/avro"));
    }

    @Test
    void eventTime_genericRecordWithRawMillis_readsTheTimestampField() {
        org.apache.avro.generic.GenericData.Record generic =
                new org.apache.avro.generic.GenericData.Record(OrderCancelled.getClassSchema());
        generic.put("cancelledAt", 1_000L);

        assertThat(CloudEventHeaders.eventTime(generic)).isEqualTo(Instant.ofEpochSecond(1));
    }

    private static Map<String, String> asMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
