package dev.eventcontracts.demo;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.OrderReadModel;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.devstack.postgres.TestDatabase;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.producer.ContractFeatures;
import dev.eventcontracts.producer.OrderEventProducer;
import dev.eventcontracts.producer.OrderEventProducers;
import dev.eventcontracts.producer.OrderLifecycleGenerator;
import dev.eventcontracts.producer.ProducerSettings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * What the integration tests share: the contract's topics on the shared broker, every release registered in the
 * shared registry (once per stack), producing events while remembering them, and reading a read model back.
 *
 * <p>All tests of the JVM share the one order topic the contract declares, so each test uses its own consumer
 * group and read model and checks the events it produced itself (other tests' events are in the topic too).
 */
final class StackFixture {

    static final TopicContract TOPIC = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
    private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());
    /** The stacks (broker and registry) already prepared: the JVM's shared one, and each private cluster's. */
    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

    private final String bootstrapServers;
    private final String registryUrl;

    StackFixture(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        prepare(bootstrapServers, registryUrl);
    }

    private static synchronized void prepare(String bootstrapServers, String registryUrl) {
        String stack = bootstrapServers + " " + registryUrl;
        if (PREPARED.contains(stack)) {
            return;
        }
        TopicSetup.create(bootstrapServers, TopicContracts.load());
        try (SchemaRegistryClient client = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(registryUrl).build())) {
            ContractRegistrar registrar = new ContractRegistrar(client);
            ReleasedContracts.all().forEach(registrar::register);
        }
        PREPARED.add(stack);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    /** Produces {@code count} events as the given contract version and returns them, in send order. */
    List<SpecificRecord> produce(int contractVersion, int count) {
        List<SpecificRecord> events = new ArrayList<>(count);
        OrderLifecycleGenerator generator = new OrderLifecycleGenerator(
                SEEDS.incrementAndGet(),
                Clock.systemUTC(),
                ContractFeatures.of(ReleasedContracts.load(contractVersion)));
        try (OrderEventProducer producer =
                OrderEventProducers.start(ProducerSettings.of(bootstrapServers, registryUrl, contractVersion))) {
            for (int i = 0; i < count; i++) {
                SpecificRecord event = generator.next();
                producer.send(event);
                events.add(event);
            }
            producer.close();
            if (producer.summary().acknowledged() != count) {
                throw new IllegalStateException("not every event was acknowledged: " + producer.summary());
            }
        }
        return events;
    }

    /** Sends these events, as the newest contract, and waits for their acknowledgement. */
    void send(SpecificRecord... events) {
        int newest = ReleasedContracts.all().size();
        try (OrderEventProducer producer =
                OrderEventProducers.start(ProducerSettings.of(bootstrapServers, registryUrl, newest))) {
            for (SpecificRecord event : events) {
                producer.send(event);
            }
            producer.close();
            if (producer.summary().acknowledged() != events.length) {
                throw new IllegalStateException("not every event was acknowledged: " + producer.summary());
            }
        }
    }

    /**
     * Commits the group's offsets at the topic's end, so that it reads only the events its test produces next, not
     * every earlier test's; returns the sum of those offsets.
     */
    long startAtTheEnd(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new java.util.HashMap<>();
            for (int p = 0; p < StackFixture.TOPIC.partitions(); p++) {
                latest.put(
                        new org.apache.kafka.common.TopicPartition(StackFixture.TOPIC.name(), p),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> start = new java.util.HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get()
                    .forEach((partition, end) -> start.put(partition, new OffsetAndMetadata(end.offset())));
            admin.alterConsumerGroupOffsets(group, start).all().get();
            return start.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    /** The order topic's end offsets per partition. */
    Map<org.apache.kafka.common.TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new HashMap<>();
            for (int p = 0; p < TOPIC.partitions(); p++) {
                latest.put(
                        new org.apache.kafka.common.TopicPartition(TOPIC.name(), p),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            Map<org.apache.kafka.common.TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
            return ends;
        }
    }

    /** Consumer settings with a fresh group and a fresh H2 file read model under {@code dir}. */
    ConsumerSettings consumer(Path dir, String name) {
        String group = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String jdbc = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(group) + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0";
        return ConsumerSettings.of(bootstrapServers, registryUrl, jdbc)
                .withGroupId(group)
                .withLagLogInterval(Duration.ZERO);
    }

    /** Consumer settings with a fresh group and the given fresh read model database. */
    ConsumerSettings consumer(TestDatabase database, String name) {
        return ConsumerSettings.of(bootstrapServers, registryUrl, database.jdbcUrl())
                .withDatabase(database.jdbcUrl(), database.user(), database.password())
                .withGroupId(name + "-" + database.name())
                .withLagLogInterval(Duration.ZERO);
    }

    static String eventId(SpecificRecord event) {
        return ((GenericRecord) event).get("eventId").toString();
    }

    static String orderId(SpecificRecord event) {
        return ((GenericRecord) event).get("orderId").toString();
    }

    static Set<String> eventIds(List<SpecificRecord> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(eventId(e)));
        return ids;
    }

    /** Events per order id among the given events. */
    static Map<String, Integer> eventsPerOrder(List<SpecificRecord> events) {
        Map<String, Integer> counts = new HashMap<>();
        events.forEach(e -> counts.merge(orderId(e), 1, Integer::sum));
        return counts;
    }

    /** The ids the read model recorded as applied. */
    static Set<String> appliedEventIds(ConsumerSettings settings) throws SQLException {
        return OrderReadModel.of(settings).appliedEventIds();
    }

    /** Every order's applied event count. */
    static Map<String, Integer> eventCounts(ConsumerSettings settings) throws SQLException {
        return OrderReadModel.of(settings).eventCountsByOrder();
    }
}
