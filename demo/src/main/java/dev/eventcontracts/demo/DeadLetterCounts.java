package dev.eventcontracts.demo;

import dev.eventcontracts.consumer.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a dead-letter topic from the beginning to its current end (no consumer group) and counts its records by
 * consumer group and reason, from the dead-letter headers.
 *
 * @since 0.1.0
 */
public final class DeadLetterCounts {

    private DeadLetterCounts() {}

    /**
     * Counts the records of a dead-letter topic.
     *
     * @param bootstrapServers the cluster; never null
     * @param topic the dead-letter topic; never null
     * @return consumer group to (reason to count), sorted; never null
     */
    public static Map<String, Map<String, Long>> read(String bootstrapServers, String topic) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.computeIfAbsent(header(record, DeadLetterHeaders.CONSUMER_GROUP), g -> new TreeMap<>())
                            .merge(header(record, DeadLetterHeaders.REASON), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? "(none)" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
