package dev.eventcontracts.consumer;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.consumer.internal.DeadLetterPublisher;
import dev.eventcontracts.consumer.internal.EventDecoder;
import dev.eventcontracts.consumer.internal.LagMonitor;
import dev.eventcontracts.consumer.internal.ReadModelDatabase;
import dev.eventcontracts.consumer.internal.ReadModelWriter;
import dev.eventcontracts.consumer.internal.StartupChecks;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerdeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and starts {@link OrderProcessingService}s.
 *
 * <p>The consumer reads raw bytes ({@code ByteArrayDeserializer}) and the service calls the Avro deserializer
 * per record, so one undecodable record is dead-lettered instead of failing the poll. With the newest contract
 * the values are read into the generated classes ({@code specific.avro.reader=true}); with an older one into
 * that release's union as {@code GenericRecord}s (the writer's schema resolved to it, as a service built
 * against that release would read).
 *
 * @since 0.1.0
 */
public final class OrderProcessingServices {

    private static final Logger LOG = LoggerFactory.getLogger(OrderProcessingServices.class);

    /** The consumer's {@code session.timeout.ms} unless overridden: 10 s (Kafka's default is 45 s). */
    public static final int SESSION_TIMEOUT_MS = 10_000;

    private OrderProcessingServices() {}

    /**
     * Connects and starts a service; it joins its group and starts processing in the background. It commits its
     * offsets asynchronously ({@link OffsetCommitter#ASYNC}).
     *
     * @param settings where to connect; never null
     * @param meters where the metrics go (lag per partition, events by outcome); never null
     * @return the running service; the caller closes it
     * @throws IllegalArgumentException when the contract version is not released
     */
    public static OrderProcessingService start(ConsumerSettings settings, MeterRegistry meters) {
        return start(settings, meters, OffsetCommitter.ASYNC);
    }

    /**
     * Connects and starts a service that commits its offsets with the given committer.
     *
     * @param settings where to connect; never null
     * @param meters where the metrics go; never null
     * @param committer commits each processed batch's offsets; never null
     * @return the running service; the caller closes it
     * @throws IllegalArgumentException when the contract version is not released
     * @throws ServiceConfigurationException when the database, registry or Kafka refuse the service as configured
     *     (credentials, privileges, unknown database, subject or topic, no driver): retrying cannot help
     * @throws StartupChecks.StartTimeoutException when one of them stays unreachable for the start timeout
     */
    public static OrderProcessingService start(
            ConsumerSettings settings, MeterRegistry meters, OffsetCommitter committer) {
        TopicContract topic = orderTopic();
        int version = contractVersion(settings);
        ReadModelDatabase database =
                ReadModelDatabase.of(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        String clientId =
                settings.groupId() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Decoding decoding = Decoding.open(settings, version, topic);
        try {
            StartupChecks checks = new StartupChecks(settings.startupTimeout());
            checks.database(database);
            checks.registry(
                    decoding.registry(),
                    settings.schemaRegistryUrl(),
                    topic.value().subject());
            try (Admin admin = Admin.create(adminConfig(settings, clientId))) {
                checks.topics(admin, settings.bootstrapServers(), List.of(topic.name(), topic.deadLetterTopic()));
            }
        } catch (RuntimeException e) {
            decoding.close();
            throw e;
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerConfig(settings, clientId), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> dlqProducer = new KafkaProducer<>(
                deadLetterConfig(settings, clientId), new ByteArraySerializer(), new ByteArraySerializer());
        ReadModelWriter writer = new ReadModelWriter(database::open, database.dialect(), Clock.systemUTC());
        OrderProcessingService service = new OrderProcessingService(
                clientId,
                settings.groupId(),
                consumer,
                topic.name(),
                decoding.decoder(),
                writer,
                new DeadLetterPublisher(
                        dlqProducer, topic.deadLetterTopic(), settings.groupId(), Duration.ofSeconds(30)),
                meters,
                new LagMonitor(meters, settings.groupId(), settings.lagLogInterval()),
                committer,
                decoding);
        LOG.info(
                "Order processing {} starts: topic '{}', group '{}'{}, contract v{}, read model {}, dead letters to '{}'",
                clientId,
                topic.name(),
                settings.groupId(),
                settings.overrides().containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                        ? " as static member '" + settings.overrides().get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                                + "'"
                        : "",
                version,
                database,
                topic.deadLetterTopic());
        service.startThread();
        return service;
    }

    /** Returns the contract's order topic; never null. */
    static TopicContract orderTopic() {
        return TopicContracts.load().topicFor(OrderCreated.getClassSchema());
    }

    /** Returns the released contract version the settings read with, checked. */
    static int contractVersion(ConsumerSettings settings) {
        int released = ReleasedContracts.all().size();
        int version = settings.contractVersion() == 0 ? released : settings.contractVersion();
        if (version > released) {
            throw new IllegalArgumentException(
                    "contract version " + version + " is not released; released are 1.." + released);
        }
        return version;
    }

    /** The registry client and the deserializers of one service, closed together. */
    record Decoding(SchemaRegistry registry, AvroDeserializer keys, AvroDeserializer values) implements AutoCloseable {

        static Decoding open(ConsumerSettings settings, int version, TopicContract topic) {
            int released = ReleasedContracts.all().size();
            Map<String, Object> serde = new LinkedHashMap<>(settings.overrides());
            serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl());
            SchemaRegistry registry = SchemaRegistries.create(RegistryClientConfig.fromConfluentProperties(serde));
            AvroDeserializer keys = new AvroDeserializer(registry, serde, true);
            AvroDeserializer values;
            if (version == released) {
                Map<String, Object> specific = new LinkedHashMap<>(serde);
                specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
                values = new AvroDeserializer(registry, specific, false);
            } else {
                values = new AvroDeserializer(
                        registry, ReleasedContracts.load(version).valueUnion(topic));
                values.configure(serde, false);
            }
            return new Decoding(registry, keys, values);
        }

        EventDecoder decoder() {
            return new EventDecoder(keys, values);
        }

        @Override
        public void close() {
            keys.close();
            values.close();
            registry.close();
        }
    }

    /** The admin client's settings: the cluster and the overrides an admin client knows (security, timeouts). */
    static Map<String, Object> adminConfig(ConsumerSettings settings, String clientId) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        for (Map.Entry<String, String> e : settings.overrides().entrySet()) {
            if (AdminClientConfig.configNames().contains(e.getKey())
                    && !e.getKey().equals(AdminClientConfig.CLIENT_ID_CONFIG)) {
                config.put(e.getKey(), e.getValue());
            }
        }
        return config;
    }

    private static Map<String, Object> consumerConfig(ConsumerSettings settings, String clientId) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // offsets are committed by the service, after processing
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // a member that dies is noticed after 10 s instead of Kafka's 45 s; a static member (--instance-id) that
        // restarts within it takes its partitions back at once
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 4);
        // records of aborted transactions (an interrupted dead-letter re-drive) are never processed
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // incremental rebalancing: members keep their partitions while others join or leave
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(CooperativeStickyAssignor.class));
        config.putAll(settings.overrides());
        if ("consumer".equalsIgnoreCase(String.valueOf(config.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            // the KIP-848 protocol assigns on the broker and rejects a client-side assignor
            config.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        }
        return config;
    }

    private static Map<String, Object> deadLetterConfig(ConsumerSettings settings, String clientId) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dlq");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        for (Map.Entry<String, String> e : settings.overrides().entrySet()) {
            if (ProducerConfig.configNames().contains(e.getKey())
                    && !e.getKey().equals(ProducerConfig.CLIENT_ID_CONFIG)) {
                config.put(e.getKey(), e.getValue());
            }
        }
        return config;
    }
}
