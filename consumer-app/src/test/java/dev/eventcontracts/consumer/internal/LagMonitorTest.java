package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagMonitorTest {

    private static final TopicPartition P0 = new TopicPartition("order-events", 0);
    private static final TopicPartition P1 = new TopicPartition("order-events", 1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LagMonitor monitor = new LagMonitor(meters, "g", Duration.ZERO);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void update_assignedPartitions_publishesEndMinusPositionPerPartition() {
        consumer.assign(List.of(P0, P1));
        consumer.updateEndOffsets(Map.of(P0, 100L, P1, 7L));
        consumer.seek(P0, 40);
        consumer.seek(P1, 7);

        monitor.update(consumer);

        assertThat(monitor.current()).containsExactly(Map.entry(P0, 60L), Map.entry(P1, 0L));
        assertThat(meters.get(LagMonitor.METER)
                        .tags("partition", "0", "group", "g")
                        .gauge()
                        .value())
                .isEqualTo(60.0);
    }

    @Test
    void remove_revokedPartition_dropsItsGauge() {
        consumer.assign(List.of(P0, P1));
        consumer.updateEndOffsets(Map.of(P0, 10L, P1, 10L));
        consumer.seek(P0, 0);
        consumer.seek(P1, 0);
        monitor.update(consumer);

        monitor.remove(List.of(P1));

        assertThat(monitor.current()).containsOnlyKeys(P0);
        assertThat(meters.find(LagMonitor.METER).tags("partition", "1").gauge()).isNull();
    }
}
