package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.DeadLetterHeaders;
import dev.eventcontracts.consumer.OrderProcessingService;
import dev.eventcontracts.consumer.OrderProcessingServices;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.devstack.postgres.OnEachDatabase;
import dev.eventcontracts.devstack.postgres.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Timeout;

/**
 * Acceptance 3: poison records of each kind — no magic byte, unknown schema id, undecodable bytes, an event that
 * breaks a business rule — end in the dead-letter topic with their original bytes and the headers naming where
 * they came from and why; the good events before and after them are processed.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class PoisonEventsIT {

    @OnEachDatabase
    void poisonOfEachKind_goesToTheDeadLetterTopicWithItsCause_andTheEventsAroundItAreProcessed(
            @BootstrapServers String kafka, RunningRegistry registry, TestDatabase db) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        List<SpecificRecord> good = new ArrayList<>(stack.produce(2, 300));
        List<PoisonRecords.Written> poison = PoisonRecords.send(kafka, registry.url(), StackFixture.TOPIC);
        good.addAll(stack.produce(2, 300));
        ConsumerSettings settings = stack.consumer(db, "poison");

        Map<String, ConsumerRecord<byte[], byte[]>> dead;
        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(StackFixture.appliedEventIds(settings)).containsAll(StackFixture.eventIds(good));
                        assertThat(deadLettersOf(kafka, settings.groupId())).hasSizeGreaterThanOrEqualTo(4);
                    });
            dead = deadLettersOf(kafka, settings.groupId());
        }

        Map<String, String> expectedReason = Map.of(
                "unknown magic byte",
                "UNKNOWN_MAGIC_BYTE",
                "unknown schema id",
                "UNKNOWN_SCHEMA_ID",
                "undecodable bytes",
                "UNDECODABLE",
                "invalid event",
                "INVALID_EVENT");
        for (PoisonRecords.Written written : poison) {
            ConsumerRecord<byte[], byte[]> letter = dead.values().stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).contains(written.orderId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no dead letter for " + written));
            assertThat(header(letter, DeadLetterHeaders.REASON))
                    .as(written.kind())
                    .isEqualTo(expectedReason.get(written.kind()));
            assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(StackFixture.TOPIC.name());
            assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isNotBlank();
            assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).isNotBlank();
            ConsumerRecord<byte[], byte[]> original = read(
                    kafka,
                    StackFixture.TOPIC.name(),
                    Integer.parseInt(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)),
                    Long.parseLong(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)));
            assertThat(letter.value())
                    .as("original bytes of %s", written.kind())
                    .isEqualTo(original.value());
            assertThat(letter.key()).isEqualTo(original.key());
        }
        assertThat(header(
                        dead.values().stream()
                                .filter(r -> "UNKNOWN_SCHEMA_ID".equals(header(r, DeadLetterHeaders.REASON)))
                                .findFirst()
                                .orElseThrow(),
                        DeadLetterHeaders.ERROR_MESSAGE))
                .contains(Integer.toString(PoisonRecords.UNKNOWN_SCHEMA_ID));
    }

    /** The dead letters written by one consumer group, keyed by original partition and offset. */
    private static Map<String, ConsumerRecord<byte[], byte[]>> deadLettersOf(String kafka, String group) {
        Map<String, ConsumerRecord<byte[], byte[]>> letters = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(kafka, StackFixture.TOPIC.deadLetterTopic())) {
            if (group.equals(header(r, DeadLetterHeaders.CONSUMER_GROUP))) {
                letters.put(
                        header(r, DeadLetterHeaders.ORIGINAL_PARTITION) + "@"
                                + header(r, DeadLetterHeaders.ORIGINAL_OFFSET),
                        r);
            }
        }
        return letters;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(kafka)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static ConsumerRecord<byte[], byte[]> read(String kafka, String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(kafka)) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            while (true) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return r;
                    }
                }
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> rawConsumer(String kafka) {
        return new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        return record.headers().lastHeader(key) == null
                ? null
                : new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
