package dev.eventcontracts.devstack.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Broker settings that make a small cluster work: Kafka's defaults assume at least three brokers for its
 * internal topics, so a one-broker cluster could not create {@code __consumer_offsets} without these.
 */
public final class BrokerDefaults {

    private BrokerDefaults() {}

    /**
     * Returns replication settings sized to the cluster: internal topics replicated {@code min(3, brokers)}
     * times, {@code min.insync.replicas} 2 from three brokers on, and no initial rebalance delay.
     *
     * @param brokers the broker count, at least 1
     * @return a new mutable map of broker config keys to values
     */
    public static Map<String, String> forBrokers(int brokers) {
        String replication = Integer.toString(Math.min(3, brokers));
        String minIsr = brokers >= 3 ? "2" : "1";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("default.replication.factor", replication);
        config.put("min.insync.replicas", minIsr);
        config.put("offsets.topic.replication.factor", replication);
        config.put("transaction.state.log.replication.factor", replication);
        config.put("transaction.state.log.min.isr", minIsr);
        config.put("share.coordinator.state.topic.replication.factor", replication);
        config.put("share.coordinator.state.topic.min.isr", minIsr);
        // The 3 s default makes every first consumer-group join wait; nobody else joins a dev or test group.
        config.put("group.initial.rebalance.delay.ms", "0");
        return config;
    }
}
