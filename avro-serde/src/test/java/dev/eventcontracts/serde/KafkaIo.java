package dev.eventcontracts.serde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Produces and consumes through a real broker the way a user's application does: serde class names and Confluent
 * serde settings in the client configuration, nothing else.
 */
final class KafkaIo {

    private KafkaIo() {}

    /** Sends {@code (key, value)} pairs with {@link AvroSerializer} for keys and values and waits for the acks. */
    static void produce(String bootstrap, String topic, Map<String, ?> serdeConfig, List<Map.Entry<?, ?>> records)
            throws Exception {
        Map<String, Object> config = new HashMap<>(serdeConfig);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(config)) {
            for (Map.Entry<?, ?> record : records) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()))
                        .get();
            }
        }
    }

    /** Reads the first {@code count} records of partition 0 with {@link AvroDeserializer} for keys and values. */
    static List<ConsumerRecord<Object, Object>> consume(
            String bootstrap, String topic, Map<String, ?> serdeConfig, int count) {
        Map<String, Object> config = new HashMap<>(serdeConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
        return read(bootstrap, topic, config, count);
    }

    /** Reads the first {@code count} records of partition 0 as raw bytes. */
    static List<ConsumerRecord<Object, Object>> consumeBytes(String bootstrap, String topic, int count) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return read(bootstrap, topic, config, count);
    }

    private static List<ConsumerRecord<Object, Object>> read(
            String bootstrap, String topic, Map<String, Object> config, int count) {
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<Object, Object>> records = new ArrayList<>();
        try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        if (records.size() < count) {
            throw new AssertionError("read " + records.size() + " of " + count + " records from " + topic);
        }
        return records.subList(0, count);
    }
}
