package dev.eventcontracts.consumer;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.consumer.internal.DeadLetterPublisher;
import dev.eventcontracts.consumer.internal.EventDecoder;
import dev.eventcontracts.consumer.internal.LagMonitor;
import dev.eventcontracts.consumer.internal.ReadModelWriter;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerdeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private OrderProcessingServices() {}

    /**
     * Connects and starts a service; it joins its group and starts processing in the background.
     *
     * @param settings where to connect; never null
     * @param meters where the metrics go (lag per partition, events by outcome); never null
     * @return the running service; the caller closes it
     * @throws IllegalArgumentException when the contract version is not released
     */
    public static OrderProcessingService start(ConsumerSettings settings, MeterRegistry meters) {
        return start(settings, meters, OffsetCommitter.SYNC);
    }

    /**
     * Connects and starts a service that commits its offsets with the given committer.
     *
     * @param settings where to connect; never null
     * @param meters where the metrics go; never null
     * @param committer commits each processed batch's offsets; never null
     * @return the running service; the caller closes it
     * @throws IllegalArgumentException when the contract version is not released
     */
    public static OrderProcessingService start(
            ConsumerSettings settings, MeterRegistry meters, OffsetCommitter committer) {
        TopicContract topic = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
        int released = ReleasedContracts.all().size();
        int version = settings.contractVersion() == 0 ? released : settings.contractVersion();
        if (version > released) {
            throw new IllegalArgumentException(
                    "contract version " + version + " is not released; released are 1.." + released);
        }
        String clientId =
                settings.groupId() + "-" + UUID.randomUUID().toString().substring(0, 8);
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
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                consumerConfig(settings, clientId), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> dlqProducer = new KafkaProducer<>(
                deadLetterConfig(settings, clientId), new ByteArraySerializer(), new ByteArraySerializer());
        ReadModelWriter writer = new ReadModelWriter(
                () -> DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword()),
                Clock.systemUTC());
        OrderProcessingService service = new OrderProcessingService(
                clientId,
                consumer,
                topic.name(),
                new EventDecoder(keys, values),
                writer,
                new DeadLetterPublisher(
                        dlqProducer, topic.deadLetterTopic(), settings.groupId(), Duration.ofSeconds(30)),
                meters,
                new LagMonitor(meters, settings.groupId(), settings.lagLogInterval()),
                committer,
                () -> {
                    keys.close();
                    values.close();
                    registry.close();
                });
        LOG.info(
                "Order processing {} starts: topic '{}', group '{}', contract v{}, read model {}, dead letters to '{}'",
                clientId,
                topic.name(),
                settings.groupId(),
                version,
                settings.jdbcUrl(),
                topic.deadLetterTopic());
        service.startThread();
        return service;
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
