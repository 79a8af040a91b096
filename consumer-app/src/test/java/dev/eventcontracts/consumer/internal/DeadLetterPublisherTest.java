package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.consumer.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class DeadLetterPublisherTest {

    private static ConsumerRecord<byte[], byte[]> original() {
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>("order-events", 3, 1234L, new byte[] {1, 2}, new byte[] {9, 8, 7});
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static Map<String, String> headers(ProducerRecord<byte[], byte[]> record) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }

    @Test
    void publish_keepsTheOriginalBytesAndHeadersAndNamesOriginAndCause() {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterPublisher publisher =
                new DeadLetterPublisher(producer, "order-events.DLQ", "group-1", Duration.ofSeconds(5));
        SerializationException cause =
                new SerializationException("Unknown magic byte: got 0x7b", new IllegalStateException("root"));

        publisher.publish(List.of(new DeadLetter(original(), DeadLetterReason.UNKNOWN_MAGIC_BYTE, cause)));

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("order-events.DLQ");
        assertThat(sent.key()).containsExactly(1, 2);
        assertThat(sent.value()).containsExactly(9, 8, 7);
        assertThat(headers(sent))
                .containsEntry("ce_id", "e-1")
                .containsEntry("dlq.original.topic", "order-events")
                .containsEntry("dlq.original.partition", "3")
                .containsEntry("dlq.original.offset", "1234")
                .containsEntry("dlq.error.reason", "UNKNOWN_MAGIC_BYTE")
                .containsEntry("dlq.error.class", "org.apache.kafka.common.errors.SerializationException")
                .containsEntry("dlq.error.message", "Unknown magic byte: got 0x7b")
                .containsEntry("dlq.error.root.class", "java.lang.IllegalStateException")
                .containsEntry("dlq.consumer.group", "group-1");
    }

    @Test
    void publish_notAcknowledged_isATransientFailure() {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterPublisher publisher =
                new DeadLetterPublisher(producer, "order-events.DLQ", "group-1", Duration.ofMillis(50));

        assertThatThrownBy(() -> publisher.publish(List.of(
                        new DeadLetter(original(), DeadLetterReason.INVALID_EVENT, new InvalidEventException("bad")))))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("order-events.DLQ");
    }
}
