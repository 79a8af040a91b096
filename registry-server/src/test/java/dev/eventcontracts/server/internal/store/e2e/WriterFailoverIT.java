package dev.eventcontracts.server.internal.store.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.server.internal.store.e2e.RestCalls.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer SIGKILLed under 16 concurrent writers, as an operator sees it: what every client got back while the
 * writer was being replaced. Three instances in child JVMs; 16 client threads register distinct schemas, each
 * starting on instance {@code n % 3} and moving on to the next live instance after anything but a 200.
 *
 * <p>What is counted from the kill on: answers 200; answers that say the write's outcome is unknown (the only
 * error a client may see while a writer is replaced, because its transaction may have committed); every other
 * non-2xx answer (a write that could have waited for the new writer: the target is none); and requests no
 * process answered (those sent to the killed instance). The guarantees of {@link ThreeInstancesIT} must hold as
 * well: ids unique, every acknowledged registration served by every survivor with its id.
 */
@KafkaIntegrationTest
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WriterFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(WriterFailoverIT.class);
    private static final int WRITERS = 16;
    private static final int REGISTRATIONS = 480;
    private static final int KILL_AFTER_ACKS = 120;
    private static final Duration RETRY_FOR = Duration.ofSeconds(90);
    /** The phrase every answer whose write may or may not have been applied carries. */
    private static final String OUTCOME_UNKNOWN = "may or may not have been applied";

    private final KafkaCluster kafka;
    private final String topic = "_schemas-failover-" + UUID.randomUUID();
    private final List<RegistryProcess> instances = new ArrayList<>();

    WriterFailoverIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(RegistryProcess::close);
    }

    /** One HTTP exchange of a client: when it ended, with whom, and what came back ({@code status -1}: nothing). */
    private record Attempt(long atNanos, String instance, int status, int errorCode, String message) {}

    private record Ack(String subject, int schemaNumber, int id, long atNanos) {}

    @Test
    void writerKilledUnder16Writers_noClientSeesAnErrorForAWriteThatNeverStarted() throws Exception {
        RegistryProcess writer = launch(3, "failover");
        assertThat(RestCalls.put(
                                instances.get(0).url() + "/config",
                                RestCalls.JSON.createObjectNode().put("compatibility", "NONE"))
                        .status())
                .isEqualTo(200);

        List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < WRITERS; c++) {
            load.add(clients.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < REGISTRATIONS) {
                    acks.add(register(n, attempts));
                    if (acks.size() >= KILL_AFTER_ACKS && killedAt.get() == 0) {
                        synchronized (killedAt) {
                            if (killedAt.get() == 0) {
                                LOG.info(
                                        "Killing the writer {} after {} acknowledged registrations",
                                        writer.url(),
                                        acks.size());
                                writer.kill();
                                killedAt.set(System.nanoTime());
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : load) {
            f.get();
        }
        clients.shutdown();

        List<Attempt> afterKill =
                attempts.stream().filter(a -> a.atNanos() >= killedAt.get()).toList();
        List<Attempt> unknownOutcome = afterKill.stream()
                .filter(a -> a.status() >= 300 && a.message().contains(OUTCOME_UNKNOWN))
                .toList();
        List<Attempt> refused = afterKill.stream()
                .filter(a -> a.status() >= 300 && !a.message().contains(OUTCOME_UNKNOWN))
                .toList();
        List<Attempt> unanswered =
                afterKill.stream().filter(a -> a.status() < 0).toList();
        LOG.info(
                "From the kill on: {} answers 200, {} non-2xx saying the outcome is unknown, {} other non-2xx {}, {}"
                        + " requests without an answer {}; writes resumed {} ms after the kill",
                afterKill.stream().filter(a -> a.status() == 200).count(),
                unknownOutcome.size(),
                refused.size(),
                countByCode(refused),
                unanswered.size(),
                countByInstance(unanswered),
                RegistryProcess.longestPauseAfter(
                        killedAt.get(), acks.stream().map(Ack::atNanos).toList()));

        assertThat(acks).hasSize(REGISTRATIONS);
        assertThat(refused)
                .as("non-2xx answers for writes that could have waited for the new writer")
                .isEmpty();
        assertThat(unanswered)
                .as("requests nobody answered were sent to the killed instance")
                .allSatisfy(a -> assertThat(a.instance()).isEqualTo(writer.name()));
        assertIdsUnique(acks);
        assertEverySurvivorServesEveryAck(acks, writer);
    }

    /**
     * A write that cannot wait longer (here {@code leader.wait.timeout.ms} is 1 s, well inside the 6 s before the
     * group notices the writer is gone) answers once, saying it was not applied, and is logged once: one warning,
     * no error, no stack trace.
     */
    @Test
    void forwardingThatOutlastsTheWriterWait_answers50003NotAppliedAndIsLoggedOnce() {
        RegistryProcess writer = launch(2, "wait", "leader.wait.timeout.ms", "1000");
        RegistryProcess follower =
                instances.stream().filter(i -> i != writer).findFirst().orElseThrow();
        writer.kill();

        Reply answer = RestCalls.register(follower.url(), "wait-value", Schemas.record(1));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().path("error_code").asInt()).isEqualTo(50003);
        assertThat(answer.body().path("message").asText())
                .isEqualTo("Error while forwarding the request to the leader: the writer at " + writer.url()
                        + " could not be reached within 1000 ms (leader.wait.timeout.ms); the write was not applied");
        List<String> logged = follower.log()
                .lines()
                .filter(l -> l.contains("could not be forwarded") || l.contains(" ERROR "))
                .toList();
        assertThat(logged).hasSize(1).allSatisfy(l -> assertThat(l).contains(" WARN "));
        assertThat(follower.log()).doesNotContain("\tat ");
    }

    /** Launches {@code count} instances on this test's topic; returns the writer once there is one. */
    private RegistryProcess launch(int count, String name, String... extra) {
        for (int i = 0; i < count; i++) {
            instances.add(RegistryProcess.launch(
                    name + "-" + i, RegistryProcess.onTopic(kafka.bootstrapServers(), topic, extra)));
        }
        instances.forEach(i -> i.awaitReady(Duration.ofSeconds(120)));
        return RegistryProcess.awaitOneWriter(instances, Duration.ofSeconds(60));
    }

    /** Registers schema {@code n} until an instance answers 200, recording every exchange. */
    private Ack register(int n, List<Attempt> attempts) {
        String subject = "failover-" + n + "-value";
        String schema = Schemas.record(n);
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        List<RegistryProcess> order = new ArrayList<>(instances);
        Collections.rotate(order, -(n % instances.size()));
        Reply last = null;
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            RegistryProcess target = order.get(attempt++ % order.size());
            if (!target.isAlive()) {
                continue;
            }
            last = RestCalls.register(target.url(), subject, schema);
            long now = System.nanoTime();
            attempts.add(new Attempt(
                    now,
                    target.name(),
                    last.status(),
                    last.body().path("error_code").asInt(-1),
                    last.body().path("message").asText("")));
            if (last.ok()) {
                return new Ack(subject, n, last.body().get("id").asInt(), now);
            }
            sleep(100);
        }
        throw new AssertionError("registering " + subject + " failed for " + RETRY_FOR + ", last answer " + last);
    }

    private static Map<Integer, Long> countByCode(List<Attempt> attempts) {
        return attempts.stream()
                .collect(Collectors.groupingBy(Attempt::errorCode, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> countByInstance(List<Attempt> attempts) {
        return attempts.stream().collect(Collectors.groupingBy(Attempt::instance, TreeMap::new, Collectors.counting()));
    }

    private static void assertIdsUnique(List<Ack> acks) {
        Map<Integer, Integer> schemaById = new HashMap<>();
        for (Ack ack : acks) {
            Integer other = schemaById.put(ack.id(), ack.schemaNumber());
            assertThat(other)
                    .as("schemas %s and %d both have id %d", other, ack.schemaNumber(), ack.id())
                    .isNull();
        }
    }

    private void assertEverySurvivorServesEveryAck(List<Ack> acks, RegistryProcess killed) {
        SoftAssertions soft = new SoftAssertions();
        Survivors.serveEveryAck(
                instances.stream().filter(i -> i != killed).toList(),
                acks.stream().collect(Collectors.toMap(Ack::subject, Ack::id)),
                soft);
        soft.assertAll();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
