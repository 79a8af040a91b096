package dev.eventcontracts.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partition leader crashes (no controlled shutdown) while an idempotent {@code acks=all} producer writes to a
 * topic with replication 3 and {@code min.insync.replicas=2}: every send must be acknowledged, and once the
 * broker is back in the ISR the topic must hold each acknowledged record exactly once, at its acknowledged
 * partition and offset.
 */
@KafkaIntegrationTest
@WithKafka(brokers = 3)
class ThreeBrokerFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(ThreeBrokerFailoverIT.class);
    private static final String TOPIC = "failover";
    private static final int RECORDS = 5_000;
    private static final int BEFORE_CRASH = RECORDS / 3;

    @Test
    void crashedLeader_losesAndDuplicatesNoAcknowledgedRecord_andRejoinsTheIsr(KafkaCluster kafka) throws Exception {
        assertThat(kafka.brokerIds()).hasSize(3);
        kafka.createTopic(TOPIC, 3, 3, Map.of("min.insync.replicas", "2"));
        int victim = leaderOfPartitionZero(kafka);

        List<RecordMetadata> acked = produceWhileCrashing(kafka, victim);
        awaitIsr(kafka, isr -> assertThat(isr).doesNotContain(victim).hasSize(2));
        long restart = System.nanoTime();
        kafka.startBroker(victim);
        awaitIsr(kafka, isr -> assertThat(isr).contains(victim).hasSize(3));
        LOG.info(
                "failover: broker {} back in the ISR of every partition {} ms after its restart began",
                victim,
                millisSince(restart));

        List<ConsumerRecord<String, String>> consumed =
                TestClients.readToEnd(kafka.bootstrapServers(), TOPIC, Duration.ofSeconds(30));
        assertThat(consumed).hasSize(RECORDS);
        assertThat(consumed).extracting(ConsumerRecord::value).doesNotHaveDuplicates();
        for (ConsumerRecord<String, String> record : consumed) {
            RecordMetadata ack = acked.get(Integer.parseInt(record.value()));
            assertThat(record.partition())
                    .as("partition of record %s", record.value())
                    .isEqualTo(ack.partition());
            assertThat(record.offset())
                    .as("offset of record %s", record.value())
                    .isEqualTo(ack.offset());
        }
    }

    /**
     * Sends a third of the records and waits for their acks, crashes {@code victim} while sending the rest (paced,
     * so that sends span the outage), and returns the acks in record order.
     */
    private static List<RecordMetadata> produceWhileCrashing(KafkaCluster kafka, int victim) throws Exception {
        long[] ackNanos = new long[RECORDS];
        List<Future<RecordMetadata>> sends = new ArrayList<>(RECORDS);
        long start = System.nanoTime();
        long crashDetectedMillis;
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers(), Map.of())) {
            send(producer, 0, BEFORE_CRASH, sends, ackNanos);
            producer.flush();
            CompletableFuture<Long> crash = CompletableFuture.supplyAsync(() -> crash(kafka, victim));
            send(producer, BEFORE_CRASH, RECORDS, sends, ackNanos);
            producer.flush();
            crashDetectedMillis = crash.join();
        }
        List<RecordMetadata> acked = new ArrayList<>(RECORDS);
        List<String> failures = new ArrayList<>();
        for (Future<RecordMetadata> send : sends) {
            try {
                acked.add(send.get());
            } catch (ExecutionException e) {
                failures.add(e.getCause().toString());
            }
        }
        LOG.info(
                "failover: {} of {} sends acknowledged, {} failed; leader {} crashed after {} acked records and was"
                        + " out of every ISR {} ms later; all acked {} ms after the first send; longest time without any ack {} ms",
                acked.size(),
                RECORDS,
                failures.size(),
                victim,
                BEFORE_CRASH,
                crashDetectedMillis,
                (Arrays.stream(ackNanos).max().orElse(start) - start) / 1_000_000,
                longestGap(ackNanos) / 1_000_000);
        assertThat(failures).as("failed sends").isEmpty();
        return acked;
    }

    /** Sends records {@code from} to {@code to - 1}, pausing 1 ms every other record. */
    private static void send(
            KafkaProducer<String, String> producer,
            int from,
            int to,
            List<Future<RecordMetadata>> sends,
            long[] ackNanos)
            throws InterruptedException {
        for (int i = from; i < to; i++) {
            int index = i;
            sends.add(producer.send(
                    new ProducerRecord<>(TOPIC, "key-" + i, Integer.toString(i)),
                    (metadata, error) -> ackNanos[index] = System.nanoTime()));
            if (i % 2 == 0) {
                Thread.sleep(1);
            }
        }
    }

    /** Stops the broker and returns the milliseconds until the controller has removed it from every ISR. */
    private static long crash(KafkaCluster kafka, int victim) {
        long start = System.nanoTime();
        kafka.stopBroker(victim);
        awaitIsr(kafka, isr -> assertThat(isr).doesNotContain(victim));
        return millisSince(start);
    }

    /** Waits until the ISR of every partition passes {@code check}. */
    private static void awaitIsr(KafkaCluster kafka, Consumer<Set<Integer>> check) {
        try (Admin admin = TestClients.admin(kafka.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(describe(admin).partitions())
                            .allSatisfy(partition -> check.accept(
                                    partition.isr().stream().map(Node::id).collect(Collectors.toSet()))));
        }
    }

    private static int leaderOfPartitionZero(KafkaCluster kafka) throws Exception {
        try (Admin admin = TestClients.admin(kafka.bootstrapServers())) {
            return describe(admin).partitions().stream()
                    .filter(p -> p.partition() == 0)
                    .findFirst()
                    .orElseThrow()
                    .leader()
                    .id();
        }
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC);
    }

    private static long longestGap(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long longest = 0;
        for (int i = 1; i < sorted.length; i++) {
            longest = Math.max(longest, sorted[i] - sorted[i - 1]);
        }
        return longest;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
