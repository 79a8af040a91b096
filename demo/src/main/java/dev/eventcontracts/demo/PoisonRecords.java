package dev.eventcontracts.demo;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import dev.eventcontracts.serde.AvroSerdeConfig;
import dev.eventcontracts.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes one record of each kind a consumer must dead-letter, each with a valid key so that only the value is
 * at fault: a value without the magic byte, a value naming a schema id the registry does not know, a value whose
 * Avro bytes do not decode with the (known) latest schema, and a well-formed event that breaks a business rule
 * (a status change of an order that was never created).
 *
 * @since 0.1.0
 */
public final class PoisonRecords {

    /** A schema id no registry in the demo or tests hands out. */
    public static final int UNKNOWN_SCHEMA_ID = 0x7fff_fff0;

    /**
     * What was written.
     *
     * @param kind which poison, e.g. {@code unknown magic byte}; never null
     * @param orderId the record key; never null
     */
    public record Written(String kind, String orderId) {}

    private PoisonRecords() {}

    /**
     * Writes the four records and waits for their acknowledgement.
     *
     * @param bootstrapServers the cluster; never null
     * @param registryUrl the registry; never null
     * @param topic the order topic; never null
     * @return the records written, in order; never null
     * @throws IllegalStateException when they cannot be written
     */
    public static List<Written> send(String bootstrapServers, String registryUrl, TopicContract topic) {
        Map<String, Object> serde = new LinkedHashMap<>();
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        serde.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        serde.put(AvroSerdeConfig.USE_LATEST_VERSION, true);
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
        List<Written> written = new ArrayList<>();
        try (SchemaRegistry registry = SchemaRegistries.create(RegistryClientConfig.fromConfluentProperties(serde));
                AvroSerializer keys = new AvroSerializer(registry, serde, true);
                AvroSerializer values = new AvroSerializer(registry, serde, false);
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            int latestId = registry.latest(topic.value().subject()).id();
            OrderStatusChanged orphan = OrderStatusChanged.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setOrderId("poison-" + UUID.randomUUID())
                    .setPreviousStatus(OrderStatus.PAID)
                    .setStatus(OrderStatus.SHIPPED)
                    .setChangedAt(Instant.now())
                    .build();
            Map<String, byte[]> values4 = new LinkedHashMap<>();
            values4.put("unknown magic byte", "{\"orderId\":\"not Avro\"}".getBytes(StandardCharsets.UTF_8));
            values4.put("unknown schema id", wire(UNKNOWN_SCHEMA_ID, new byte[] {2, 4, 6}));
            values4.put("undecodable bytes", wire(latestId, new byte[] {(byte) 0x7e, 1, 2}));
            values4.put("invalid event", values.serialize(topic.name(), orphan));
            for (Map.Entry<String, byte[]> value : values4.entrySet()) {
                String orderId =
                        value.getKey().equals("invalid event") ? orphan.getOrderId() : "poison-" + UUID.randomUUID();
                producer.send(new ProducerRecord<>(
                                topic.name(), keys.serialize(topic.name(), orderId), value.getValue()))
                        .get();
                written.add(new Written(value.getKey(), orderId));
            }
            return written;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write poison records: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A Confluent wire-format value: magic byte 0, the schema id, then the given payload. */
    static byte[] wire(int schemaId, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length)
                .put((byte) 0)
                .putInt(schemaId)
                .put(payload)
                .array();
    }
}
