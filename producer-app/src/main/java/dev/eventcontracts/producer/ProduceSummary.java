package dev.eventcontracts.producer;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one producer run did.
 *
 * @param contractVersion the contract version produced
 * @param sent events handed to the Kafka producer
 * @param acknowledged events the brokers acknowledged ({@code acks=all})
 * @param failed events that were not written: send failed, or the callback reported an error
 * @param acknowledgedByType acknowledged events per event type (simple name, e.g. {@code OrderCreated}),
 *     sorted by name; never null
 * @param elapsed from the first send to the last acknowledgement; never null
 * @since 0.1.0
 */
public record ProduceSummary(
        int contractVersion,
        long sent,
        long acknowledged,
        long failed,
        Map<String, Long> acknowledgedByType,
        Duration elapsed) {

    /** Copies the counts, sorted by type. */
    public ProduceSummary {
        acknowledgedByType = Collections.unmodifiableMap(new TreeMap<>(acknowledgedByType));
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Returns the throughput of acknowledged events per second over {@link #elapsed()}. */
    public double eventsPerSecond() {
        long millis = Math.max(1, elapsed.toMillis());
        return acknowledged * 1000.0 / millis;
    }

    /** Returns one line for people: version, counts, per-type counts, time and rate. */
    @Override
    public String toString() {
        return String.format(
                "contract v%d: sent %d, acknowledged %d, failed %d %s in %d ms (%.0f events/s)",
                contractVersion, sent, acknowledged, failed, acknowledgedByType, elapsed.toMillis(), eventsPerSecond());
    }
}
