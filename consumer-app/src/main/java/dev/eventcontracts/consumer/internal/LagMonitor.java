package dev.eventcontracts.consumer.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the consumer lag of every assigned partition — records between the consumer's position and the end of
 * the partition — as the gauge {@value #METER} (tags {@code topic}, {@code partition}, {@code group}) and logs
 * it periodically.
 *
 * <p>Called from the poll thread only (the Kafka consumer is not thread-safe): the lag comes from the last
 * fetch response ({@code currentLag}), with no extra request; for a partition without a fetch yet it asks for
 * the end offset at most every few seconds. Gauges of revoked partitions are removed.
 */
public final class LagMonitor {

    /** The Micrometer name of the lag gauge; Prometheus shows it as {@code consumer_partition_lag}. */
    public static final String METER = "consumer.partition.lag";

    private static final Logger LOG = LoggerFactory.getLogger(LagMonitor.class);
    private static final long END_OFFSET_REFRESH_NANOS = Duration.ofSeconds(5).toNanos();

    private final MeterRegistry meters;
    private final String group;
    private final long logIntervalNanos;
    private final Map<TopicPartition, Tracked> tracked = new ConcurrentHashMap<>();
    private long nextLogNanos;
    private long nextEndOffsetsNanos;

    /**
     * Creates a monitor.
     *
     * @param meters where the gauges go; never null
     * @param group the consumer group, a tag of every gauge; never null
     * @param logInterval how often to log the lag; zero or negative for never; never null
     */
    public LagMonitor(MeterRegistry meters, String group, Duration logInterval) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.group = Objects.requireNonNull(group, "group");
        this.logIntervalNanos = logInterval.isNegative() || logInterval.isZero() ? -1 : logInterval.toNanos();
        this.nextLogNanos = System.nanoTime() + Math.max(0, logIntervalNanos);
    }

    /**
     * Updates the lag of every partition assigned to the consumer, and logs it when the interval has passed.
     *
     * @param consumer the consumer, on its poll thread; never null
     */
    public void update(Consumer<?, ?> consumer) {
        Set<TopicPartition> assignment = consumer.assignment();
        remove(tracked.keySet().stream().filter(p -> !assignment.contains(p)).toList());
        for (TopicPartition partition : assignment) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                track(partition).lag.set(lag.getAsLong());
            } else {
                track(partition);
            }
        }
        long now = System.nanoTime();
        if (now - nextEndOffsetsNanos >= 0) {
            nextEndOffsetsNanos = now + END_OFFSET_REFRESH_NANOS;
            refreshUnknown(consumer);
        }
        if (logIntervalNanos > 0 && now - nextLogNanos >= 0) {
            nextLogNanos = now + logIntervalNanos;
            log();
        }
    }

    private void refreshUnknown(Consumer<?, ?> consumer) {
        Set<TopicPartition> unknown = tracked.entrySet().stream()
                .filter(e -> e.getValue().lag.get() < 0)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        if (unknown.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(unknown, Duration.ofSeconds(2));
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                long position = consumer.position(end.getKey(), Duration.ofSeconds(2));
                track(end.getKey()).lag.set(Math.max(0, end.getValue() - position));
            }
        } catch (RuntimeException e) {
            LOG.debug("lag of {} not known yet: {}", unknown, e.toString());
        }
    }

    /**
     * Forgets partitions that were revoked or lost, removing their gauges.
     *
     * @param partitions the partitions; never null
     */
    public void remove(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Tracked gone = tracked.remove(partition);
            if (gone != null) {
                meters.remove(gone.gauge);
            }
        }
    }

    /**
     * Returns the last known lag per partition; partitions whose lag is not known yet are left out.
     *
     * @return a sorted snapshot; never null
     */
    public Map<TopicPartition, Long> current() {
        Map<TopicPartition, Long> snapshot = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
        tracked.forEach((partition, t) -> {
            if (t.lag.get() >= 0) {
                snapshot.put(partition, t.lag.get());
            }
        });
        return snapshot;
    }

    private void log() {
        Map<TopicPartition, Long> lag = current();
        if (!lag.isEmpty()) {
            LOG.info(
                    "Consumer lag of group '{}': {} (total {})",
                    group,
                    lag,
                    lag.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private Tracked track(TopicPartition partition) {
        Tracked existing = tracked.get(partition);
        if (existing != null) {
            return existing;
        }
        AtomicLong lag = new AtomicLong(-1);
        Gauge gauge = Gauge.builder(METER, lag, value -> value.get() < 0 ? Double.NaN : value.get())
                .description("Records between the consumer's position and the end of the partition")
                .tag("topic", partition.topic())
                .tag("partition", Integer.toString(partition.partition()))
                .tag("group", group)
                .register(meters);
        Tracked created = new Tracked(lag, gauge);
        tracked.put(partition, created);
        return created;
    }

    private record Tracked(AtomicLong lag, Gauge gauge) {}
}
