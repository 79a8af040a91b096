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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4, second half: a re-drive killed half-way ({@code kill -9} of its process) and started again publishes
 * each selected dead letter exactly once, as read by a {@code read_committed} consumer such as the service.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(240)
class RedriveInterruptedIT {

    private static final int DEAD_LETTERS = 200;
    private static final Pattern PROGRESS_ID = Pattern.compile("Re-drive (\\S+) of ");

    @Test
    void redriveKilledHalfWayAndRestarted_publishesEachDeadLetterOnce(
            @BootstrapServers String kafka, RunningRegistry registry, @TempDir Path dir) throws Exception {
        StackFixture stack = new StackFixture(kafka, registry.url());
        ConsumerSettings settings = stack.consumer(dir, "interrupted");
        List<SpecificRecord> orphans = new ArrayList<>();
        for (int i = 0; i < DEAD_LETTERS; i++) {
            orphans.add(OrderEvents.paid("never-created-" + UUID.randomUUID()));
        }
        stack.send(orphans.toArray(SpecificRecord[]::new));
        try (OrderProcessingService service = OrderProcessingServices.start(settings, new SimpleMeterRegistry())) {
            for (SpecificRecord orphan : orphans) {
                DeadLetterRedriveIT.awaitOutcome(settings, StackFixture.eventId(orphan), "DEAD_LETTERED");
            }
        }
        // the group also dead-lettered what earlier tests left in the shared topic: all of it is the selection
        Map<Integer, List<Long>> selected = deadLettersOf(kafka, settings.groupId());
        int total = selected.values().stream().mapToInt(List::size).sum();
        assertThat(total).isGreaterThanOrEqualTo(DEAD_LETTERS);
        List<String> args = new ArrayList<>(List.of("dlq", "redrive"));
        args.addAll(ServiceCommand.connection(settings));
        args.addAll(List.of("--group", settings.groupId(), "--max-rate", "40"));

        Process first = ServiceCommand.start(args, Map.of(), dir.resolve("first.log"));
        String progressId = await().atMost(Duration.ofSeconds(60))
                .until(() -> progressId(dir.resolve("first.log")), id -> id != null);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> done(kafka, progressId, selected) >= DEAD_LETTERS / 5);
        first.destroyForcibly(); // SIGKILL: an open transaction, no goodbye
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(done(kafka, progressId, selected)).as("killed half-way").isLessThan(total);

        args.remove("--max-rate");
        args.remove("40");
        Process second = ServiceCommand.start(args, Map.of(), dir.resolve("second.log"));
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String secondLog = Files.readString(dir.resolve("second.log"));
        assertThat(second.exitValue()).as(secondLog).isZero();
        assertThat(secondLog).contains("Re-drive " + progressId);

        Set<String> deadLetters = new HashSet<>();
        selected.forEach((partition, offsets) -> offsets.forEach(
                offset -> deadLetters.add(StackFixture.TOPIC.deadLetterTopic() + "-" + partition + "@" + offset)));
        Map<String, Integer> redriven = redrivenCopies(kafka, deadLetters);
        assertThat(redriven.keySet()).isEqualTo(deadLetters);
        assertThat(redriven.values())
                .as("each dead letter re-driven exactly once")
                .containsOnly(1);
    }

    private static String progressId(Path log) throws Exception {
        if (!Files.exists(log)) {
            return null;
        }
        Matcher m = PROGRESS_ID.matcher(Files.readString(log));
        return m.find() ? m.group(1) : null;
    }

    /** How many of the selected dead letters lie below the re-drive's committed progress. */
    private static long done(String kafka, String progressId, Map<Integer, List<Long>> selected) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(progressId)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long done = 0;
            for (Map.Entry<Integer, List<Long>> partition : selected.entrySet()) {
                OffsetAndMetadata progress =
                        committed.get(new TopicPartition(StackFixture.TOPIC.deadLetterTopic(), partition.getKey()));
                long below = progress == null ? 0 : progress.offset();
                done += partition.getValue().stream().filter(o -> o < below).count();
            }
            return done;
        }
    }

    /** The offsets of the group's dead letters, per dead-letter partition. */
    private static Map<Integer, List<Long>> deadLettersOf(String kafka, String group) {
        Map<Integer, List<Long>> offsets = new HashMap<>();
        readAll(kafka, StackFixture.TOPIC.deadLetterTopic(), r -> {
            if (group.equals(header(r, DeadLetterHeaders.CONSUMER_GROUP))) {
                offsets.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.offset());
            }
        });
        return offsets;
    }

    /** How many committed copies of each of these dead letters the order topic holds. */
    private static Map<String, Integer> redrivenCopies(String kafka, Set<String> deadLetters) {
        Map<String, Integer> copies = new HashMap<>();
        readAll(kafka, StackFixture.TOPIC.name(), r -> {
            String from = header(r, DeadLetterHeaders.REDRIVEN_FROM);
            if (from != null && deadLetters.contains(from)) {
                copies.merge(from, 1, Integer::sum);
            }
        });
        return copies;
    }

    private static void readAll(
            String kafka, String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toList());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String kafka) {
        Deserializer<byte[]> bytes = new ByteArrayDeserializer();
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2_000),
                bytes,
                bytes);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
