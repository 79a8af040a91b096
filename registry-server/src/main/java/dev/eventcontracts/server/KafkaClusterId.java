package dev.eventcontracts.server;

import dev.eventcontracts.server.internal.store.kafka.KafkaStoreConfig;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka cluster id for {@code /v1/metadata/id}, asked once from the store's brokers and then remembered. */
final class KafkaClusterId implements Supplier<String> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClusterId.class);

    private final Map<String, Object> clientProps;
    private volatile String id;

    private KafkaClusterId(Map<String, Object> clientProps) {
        this.clientProps = clientProps;
    }

    static Supplier<String> of(RegistryServerConfig config) {
        return config.hasKafkaStore()
                ? new KafkaClusterId(new KafkaStoreConfig(config.originals()).clientProps())
                : () -> "";
    }

    @Override
    public String get() {
        String known = id;
        if (known != null) {
            return known;
        }
        try (Admin admin = Admin.create(clientProps)) {
            known = admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            id = known;
            return known;
        } catch (Exception e) {
            LOG.warn("cannot read the Kafka cluster id: {}", e.toString());
            return "";
        }
    }
}
