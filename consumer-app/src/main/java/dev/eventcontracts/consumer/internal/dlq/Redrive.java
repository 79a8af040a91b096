package dev.eventcontracts.consumer.internal.dlq;

import dev.eventcontracts.consumer.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes selected dead letters to the topic they came from — original key, value and headers, the
 * dead-letter headers replaced by {@code dlq.redriven.*} ({@link DeadLetterHeaders#REDRIVEN_FROM} and its
 * siblings) — so that they go through the service's normal, idempotent path again.
 *
 * <p>Exactly once, also when interrupted: the re-drive reads the dead-letter topic as the consumer group
 * {@code <dead-letter topic>.redrive-<selection id>} and writes with a transactional producer of the same id; each
 * chunk of re-published records commits in one Kafka transaction together with the group's offsets. A re-drive
 * killed half-way leaves at most an open transaction, which the next run of the same selection aborts when it
 * starts ({@code initTransactions} fences the old producer), and then resumes after the last committed chunk.
 * Readers with {@code isolation.level=read_committed} — the service is one — never see an aborted record. The end
 * of the dead-letter topic is taken when the re-drive starts, so dead letters written meanwhile (a re-driven event
 * failing again) are left for a later run.
 */
public final class Redrive {

    /**
     * What to do.
     *
     * @param clientConfig the cluster and security settings; never null
     * @param deadLetterTopic the topic to read; never null
     * @param sourceTopic the topic to re-publish to: the contract's topic; dead letters from another topic are
     *     skipped; never null
     * @param selection which dead letters; never null
     * @param dryRun report what would be re-driven, publish and commit nothing
     * @param restart ignore the progress of earlier runs of this selection
     * @param maxRate at most this many records per second; 0 for no limit
     */
    public record Options(
            Map<String, Object> clientConfig,
            String deadLetterTopic,
            String sourceTopic,
            DeadLetterSelection selection,
            boolean dryRun,
            boolean restart,
            int maxRate) {

        /** Copies the client settings. */
        public Options {
            clientConfig = Map.copyOf(clientConfig);
            Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
            Objects.requireNonNull(sourceTopic, "sourceTopic");
            Objects.requireNonNull(selection, "selection");
            if (maxRate < 0) {
                throw new IllegalArgumentException("--max-rate must be 0 (no limit) or more, was " + maxRate);
            }
        }

        /** Returns the consumer group and transactional id that keep this selection's progress; never null. */
        public String progressId() {
            return deadLetterTopic + ".redrive-" + selection.id();
        }
    }

    /**
     * What a run did.
     *
     * @param read dead letters read in this run
     * @param selected of which selected
     * @param redriven of which re-published (0 in a dry run)
     * @param otherTopic dead letters skipped because they came from another topic
     * @param millis how long it took
     */
    public record Result(long read, long selected, long redriven, long otherTopic, long millis) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CHUNK = 500;

    private final Options options;
    private final Function<DeadLetterRecord, String> eventIdOf;
    private final Clock clock;

    /**
     * Prepares a re-drive.
     *
     * @param options what to do; never null
     * @param eventIdOf decodes the event id of a dead letter without a {@code ce_id} header, or returns null;
     *     never null
     * @param clock stamps {@code dlq.redriven.at}; never null
     */
    public Redrive(Options options, Function<DeadLetterRecord, String> eventIdOf, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.eventIdOf = Objects.requireNonNull(eventIdOf, "eventIdOf");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs it.
     *
     * @param selected receives every selected dead letter, before it is published (in a dry run: instead); never
     *     null
     * @return what it did; never null
     * @throws IllegalStateException when the dead-letter topic does not exist
     * @throws org.apache.kafka.common.errors.ProducerFencedException when another run of the same selection started
     */
    public Result run(Consumer<DeadLetterRecord> selected) {
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
                KafkaProducer<byte[], byte[]> producer = options.dryRun() ? null : producer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            seekToStart(consumer, partitions);
            if (producer != null) {
                producer.initTransactions();
            }
            Counts counts = new Counts();
            Pacer pacer = new Pacer(options.maxRate());
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < ends.get(p))) {
                List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        polled.add(record);
                    }
                }
                redrive(polled, producer, counts, pacer, selected);
            }
            if (producer != null) {
                // the end may be past the last record read (transaction markers): record it as done
                producer.beginTransaction();
                producer.sendOffsetsToTransaction(
                        positions(consumer, partitions), new ConsumerGroupMetadata(options.progressId()));
                producer.commitTransaction();
            }
            return new Result(
                    counts.read,
                    counts.selected,
                    counts.redriven,
                    counts.otherTopic,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Re-drives the selected records of one poll. Each transaction holds at most a chunk of re-published records
     * (half a second's worth under {@code --max-rate}) with the offsets up to the last of them, so that an
     * interruption loses little work; records not selected only advance the offsets.
     */
    private void redrive(
            List<ConsumerRecord<byte[], byte[]>> records,
            KafkaProducer<byte[], byte[]> producer,
            Counts counts,
            Pacer pacer,
            Consumer<DeadLetterRecord> selected) {
        int chunk = options.maxRate() > 0 ? Math.max(1, options.maxRate() / 2) : CHUNK;
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> next = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            counts.read++;
            next.put(
                    new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            DeadLetterRecord letter = new DeadLetterRecord(record);
            if (!options.selection().matches(letter, eventIdOf)) {
                continue;
            }
            if (letter.originalTopic() != null && !letter.originalTopic().equals(options.sourceTopic())) {
                counts.otherTopic++;
                continue;
            }
            counts.selected++;
            selected.accept(letter);
            out.add(toSource(letter));
            if (out.size() >= chunk) {
                publish(producer, out, next, counts, pacer);
                out.clear();
                next.clear();
            }
        }
        if (!next.isEmpty()) {
            publish(producer, out, next, counts, pacer);
        }
    }

    /** Publishes the records and commits the offsets in one transaction; nothing in a dry run. */
    private void publish(
            KafkaProducer<byte[], byte[]> producer,
            List<ProducerRecord<byte[], byte[]>> out,
            Map<TopicPartition, OffsetAndMetadata> next,
            Counts counts,
            Pacer pacer) {
        if (producer == null) {
            return;
        }
        producer.beginTransaction();
        for (ProducerRecord<byte[], byte[]> record : out) {
            pacer.awaitTurn();
            producer.send(record);
            counts.redriven++;
        }
        producer.sendOffsetsToTransaction(next, new ConsumerGroupMetadata(options.progressId()));
        producer.commitTransaction();
    }

    /** The dead letter as it goes back: same key, value and headers, dead-letter headers replaced. */
    ProducerRecord<byte[], byte[]> toSource(DeadLetterRecord letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.record().headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header);
            }
        }
        add(headers, DeadLetterHeaders.REDRIVEN_FROM, letter.coordinates());
        add(headers, DeadLetterHeaders.REDRIVEN_ORIGINAL, letter.originalCoordinates());
        add(headers, DeadLetterHeaders.REDRIVEN_REASON, letter.reason());
        add(headers, DeadLetterHeaders.REDRIVEN_AT, Long.toString(clock.millis()));
        return new ProducerRecord<>(
                options.sourceTopic(),
                null,
                letter.record().key(),
                letter.record().value(),
                headers);
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        var infos = consumer.partitionsFor(options.deadLetterTopic(), TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("the dead-letter topic '" + options.deadLetterTopic() + "' does not exist");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (var info : infos) {
            if (options.selection().partition() < 0 || options.selection().partition() == info.partition()) {
                partitions.add(new TopicPartition(options.deadLetterTopic(), info.partition()));
            }
        }
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("the dead-letter topic '" + options.deadLetterTopic()
                    + "' has no partition " + options.selection().partition());
        }
        return partitions;
    }

    private void seekToStart(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, OffsetAndMetadata> committed =
                options.restart() ? Map.of() : consumer.committed(new java.util.HashSet<>(partitions), TIMEOUT);
        for (TopicPartition partition : partitions) {
            long start = Math.max(beginnings.get(partition), options.selection().fromOffset());
            OffsetAndMetadata done = committed.get(partition);
            if (done != null) {
                start = Math.max(start, done.offset());
            }
            consumer.seek(partition, start);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> positions(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p, new OffsetAndMetadata(consumer.position(p, TIMEOUT))));
        return positions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(options.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.progressId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, CHUNK);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>();
        for (Map.Entry<String, Object> e : options.clientConfig().entrySet()) {
            if (ProducerConfig.configNames().contains(e.getKey())) {
                config.put(e.getKey(), e.getValue());
            }
        }
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.progressId());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static final class Counts {
        long read;
        long selected;
        long redriven;
        long otherTopic;
    }

    /** Spaces the records out to at most the given rate. */
    private static final class Pacer {
        private final long nanosPerRecord;
        private long next = System.nanoTime();

        Pacer(int maxRate) {
            this.nanosPerRecord = maxRate <= 0 ? 0 : 1_000_000_000L / maxRate;
        }

        void awaitTurn() {
            if (nanosPerRecord == 0) {
                return;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            next = Math.max(next, System.nanoTime()) + nanosPerRecord;
        }
    }
}
