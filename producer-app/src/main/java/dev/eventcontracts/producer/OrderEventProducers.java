package dev.eventcontracts.producer;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.producer.internal.ProducerConfigs;
import dev.eventcontracts.producer.internal.RegisteredVersions;
import dev.eventcontracts.producer.internal.Registries;
import dev.eventcontracts.producer.internal.ReleasedProjection;
import dev.eventcontracts.serde.AvroSerializer;
import dev.eventcontracts.serde.TopicNameStrategy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@link OrderEventProducer}s for a contract version.
 *
 * <p>The newest released version is written with the generated classes and the value subject's latest schema
 * ({@code auto.register.schemas=false}, {@code use.latest.version=true}): what CI registered is what is written.
 *
 * <p>An older version cannot be written that way: its records lack fields of the latest schema (v1's
 * {@code OrderCreated} has no {@code shippingAddress}), so a v1 service must write with the union it was built
 * against. The factory finds the registered version of the value subject whose schema is that release's union
 * and pins its global id with Confluent's {@code use.schema.id}; events are that release's records
 * ({@link ReleasedProjection}). Consumers then resolve v1 data against their own reader schema as usual.
 *
 * @since 0.1.0
 */
public final class OrderEventProducers {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventProducers.class);

    private OrderEventProducers() {}

    /**
     * The serializers name subjects with Confluent's default {@code TopicNameStrategy}; the contract declares the
     * subjects. Fail at start-up, naming both, if they ever disagree, rather than write under another subject.
     */
    static void requireDefaultSubjectNames(TopicContract topic) {
        TopicNameStrategy strategy = new TopicNameStrategy();
        String value = strategy.subjectName(topic.name(), false, null);
        String key = strategy.subjectName(topic.name(), true, null);
        if (!value.equals(topic.value().subject()) || !key.equals(topic.key().subject())) {
            throw new IllegalStateException("topic '" + topic.name() + "' declares subjects '"
                    + topic.key().subject()
                    + "' and '" + topic.value().subject() + "' but TopicNameStrategy gives '" + key + "' and '" + value
                    + "'; set key.subject.name.strategy and value.subject.name.strategy to match the contract");
        }
    }

    /**
     * Connects a producer for the settings' contract version.
     *
     * @param settings where to connect and which version to write; never null
     * @return the producer; the caller closes it
     * @throws IllegalArgumentException when the contract version is not released
     * @throws IllegalStateException when an older version's union is not registered
     */
    public static OrderEventProducer start(ProducerSettings settings) {
        TopicContract topic = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
        requireDefaultSubjectNames(topic);
        List<ReleasedContracts> releases = ReleasedContracts.all();
        int version = settings.contractVersion();
        if (version > releases.size()) {
            throw new IllegalArgumentException(
                    "contract version " + version + " is not released; released are 1.." + releases.size());
        }
        SchemaRegistry registry = Registries.open(settings.schemaRegistryUrl(), settings.overrides());
        try {
            Map<String, Object> valueConfig;
            Function<SpecificRecord, Object> encoding;
            if (version == releases.size()) {
                valueConfig = ProducerConfigs.serializerForLatest(settings.schemaRegistryUrl());
                encoding = event -> event;
                LOG.info(
                        "Producing contract v{} (newest) with the latest schema of subject '{}'",
                        version,
                        topic.value().subject());
            } else {
                ReleasedContracts release = releases.get(version - 1);
                RegisteredVersion registered =
                        RegisteredVersions.find(registry, topic.value().subject(), release.valueUnion(topic));
                valueConfig = ProducerConfigs.serializerForSchemaId(settings.schemaRegistryUrl(), registered.id());
                ReleasedProjection projection = new ReleasedProjection(release);
                encoding = projection::project;
                LOG.info(
                        "Producing contract v{} with schema id {} (subject '{}' version {})",
                        version,
                        registered.id(),
                        topic.value().subject(),
                        registered.version());
            }
            valueConfig.putAll(settings.overrides());
            Map<String, Object> keyConfig = ProducerConfigs.serializerForLatest(settings.schemaRegistryUrl());
            keyConfig.putAll(settings.overrides());
            Map<String, Object> producerConfig =
                    ProducerConfigs.producer(settings.bootstrapServers(), "order-service-v" + version);
            producerConfig.putAll(settings.overrides());
            Producer<Object, Object> producer = new KafkaProducer<>(
                    producerConfig,
                    new AvroSerializer(registry, keyConfig, true),
                    new AvroSerializer(registry, valueConfig, false));
            return new OrderEventProducer(
                    producer, topic, encoding, settings.source(), version, Clock.systemUTC(), registry::close);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }
}
