package dev.eventcontracts.consumer.internal.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a dead-letter topic from given offsets up to its end as it is when reading starts, without a consumer group
 * (nothing is committed). Only committed records: an interrupted re-drive's aborted transaction is skipped.
 */
public final class DeadLetterReader implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;

    /**
     * Connects.
     *
     * @param clientConfig the cluster and security settings; never null
     * @param topic the dead-letter topic; never null
     */
    public DeadLetterReader(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * Returns the topic's partitions; fails when the topic does not exist.
     *
     * @return the partitions, in order; never null
     * @throws IllegalStateException when the topic does not exist
     */
    public List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        var infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("the dead-letter topic '" + topic + "' does not exist");
        }
        infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        return partitions;
    }

    /**
     * Reads the partitions from the given offsets (their beginning when absent) to their end as of now.
     *
     * @param from the first offset to read per partition; partitions not in it are not read; never null
     * @param each receives every record in offset order per partition; never null
     * @return the end offset read to per partition; never null
     */
    public Map<TopicPartition, Long> read(Map<TopicPartition, Long> from, Consumer<DeadLetterRecord> each) {
        List<TopicPartition> partitions = new ArrayList<>(from.keySet());
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
        for (TopicPartition partition : partitions) {
            Long start = from.get(partition);
            consumer.seek(partition, Math.max(start == null ? 0 : start, beginnings.get(partition)));
        }
        while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < ends.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(partition)) {
                    each.accept(new DeadLetterRecord(record));
                }
            }
        }
        return ends;
    }

    /**
     * Reads one record.
     *
     * @param partition the partition; never null
     * @param offset the offset
     * @return the record, or null when there is none at that offset (deleted, compacted or beyond the end)
     */
    public DeadLetterRecord readOne(TopicPartition partition, long offset) {
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
        if (offset >= end
                || offset
                        < consumer.beginningOffsets(List.of(partition), TIMEOUT).get(partition)) {
            return null;
        }
        consumer.seek(partition, offset);
        while (consumer.position(partition, TIMEOUT) <= offset) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() == offset) {
                    return new DeadLetterRecord(record);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
