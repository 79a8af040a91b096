package dev.eventcontracts.server.internal.store.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.server.internal.store.RecordCodec;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import dev.eventcontracts.server.internal.store.e2e.RestCalls.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry's state survives a crash: a restarted instance replays it from the store topic. */
@KafkaIntegrationTest
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(RestartIT.class);

    private final KafkaCluster kafka;
    private final String topic = "_schemas-restart-" + UUID.randomUUID();
    private final List<RegistryProcess> processes = new ArrayList<>();
    private final List<Registered> registeredLog = Collections.synchronizedList(new ArrayList<>());

    RestartIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(RegistryProcess::close);
    }

    /** One registration the server acknowledged. */
    private record Registered(String subject, int version, int id, String schema) {}

    @Test
    void killedWithSigkill_restartedInstanceServesAllThousandSchemasWithTheirIdsAndVersions() throws Exception {
        RegistryProcess first = launch("restart-before-kill");
        assertThat(RestCalls.put(
                                first.url() + "/config",
                                RestCalls.JSON.createObjectNode().put("compatibility", "NONE"))
                        .status())
                .isEqualTo(200);
        List<Registered> registered = registerThousand(first.url());

        first.kill();
        RegistryProcess second = launch("restart-after-kill");

        SoftAssertions soft = new SoftAssertions();
        for (Registered r : registered) {
            Reply version = RestCalls.get(second.url() + "/subjects/" + r.subject() + "/versions/" + r.version());
            soft.assertThat(version.status())
                    .as("%s v%d", r.subject(), r.version())
                    .isEqualTo(200);
            soft.assertThat(version.body().path("id").asInt())
                    .as("id of %s v%d", r.subject(), r.version())
                    .isEqualTo(r.id());
            soft.assertThat(version.body().path("schema").asText()).isEqualTo(r.schema());
            Reply byId = RestCalls.get(second.url() + "/schemas/ids/" + r.id());
            soft.assertThat(byId.body().path("schema").asText())
                    .as("schema id %d", r.id())
                    .isEqualTo(r.schema());
        }
        soft.assertAll();
        assertThat(RestCalls.get(second.url() + "/subjects").body()).hasSize(250);
    }

    @Test
    void killedWithSigkill_restartedInstanceWritesNewIdsAfterTheReplayedOnes() throws Exception {
        RegistryProcess first = launch("restart-ids-before-kill");
        Reply one = RestCalls.register(first.url(), "ids-value", Schemas.record(1));
        assertThat(one.status()).as("%s", one.body()).isEqualTo(200);
        first.kill();

        RegistryProcess second = launch("restart-ids-after-kill");
        Reply two = registerWithRetry(second.url(), "other-value", Schemas.record(2), Duration.ofSeconds(60));

        assertThat(two.body().get("id").asInt()).isEqualTo(one.body().get("id").asInt() + 1);
    }

    /**
     * Startup replaying 10,000 schemas written straight to the topic (in Confluent's format): every one is
     * served after the start. The time from launching the JVM to the first answer is logged, not asserted (it
     * depends on the machine); {@link ReplayStartupHarness} measures it repeatedly.
     */
    @Test
    void startOnTenThousandSchemas_servesThemAll() throws Exception {
        kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        writeSchemasToTopic(kafka.bootstrapServers(), topic, 10_000);

        long start = System.nanoTime();
        RegistryProcess registry = launch("replay-10000");
        long readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        LOG.info("10,000 schemas: JVM launch to first answer {} ms; {}", readyMillis, replayLine(registry));
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < 10_000; i += 97) {
            JsonNode version = RestCalls.get(
                            registry.url() + "/subjects/subject-" + (i / 4) + "/versions/" + (i % 4 + 1))
                    .body();
            soft.assertThat(version.path("id").asInt()).as("id of schema %d", i).isEqualTo(i + 1);
        }
        soft.assertThat(RestCalls.get(registry.url() + "/schemas/ids/10000")
                        .body()
                        .path("schema")
                        .asText())
                .isEqualTo(Schemas.record(9_999));
        soft.assertThat(RestCalls.get(registry.url() + "/subjects/subject-2499/versions")
                        .body()
                        .toString())
                .isEqualTo("[1,2,3,4]");
        soft.assertAll();
    }

    /**
     * Writes {@code count} SCHEMA records to an existing compacted topic: subject-(i/4) version i%4+1, id i+1,
     * as Confluent would.
     */
    static void writeSchemasToTopic(String bootstrapServers, String topic, int count) throws Exception {
        RecordCodec codec = new RecordCodec();
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("linger.ms", "5");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String subject = "subject-" + (i / 4);
                int version = i % 4 + 1;
                SchemaKey key = new SchemaKey(subject, version);
                SchemaValue value =
                        new SchemaValue(subject, version, i + 1, "AVRO", List.of(), Schemas.record(i), false);
                sent.add(producer.send(new ProducerRecord<>(topic, 0, codec.encodeKey(key), codec.encodeValue(value))));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    static String replayLine(RegistryProcess registry) {
        Matcher m = Pattern.compile("Replayed the store topic .*").matcher(registry.log());
        return m.find() ? m.group() : "(no replay line in the log)";
    }

    private List<Registered> registerThousand(String url) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Registered>> futures = new ArrayList<>();
            for (int s = 0; s < 250; s++) {
                String subject = "restart-" + s + "-value";
                int base = s * 4;
                // one client per subject keeps its versions in order; subjects go in parallel
                futures.add(clients.submit(() -> {
                    Registered last = null;
                    for (int v = 0; v < 4; v++) {
                        String schema = Schemas.record(base + v);
                        Reply reply = RestCalls.register(url, subject, schema);
                        if (reply.status() != 200) {
                            throw new AssertionError("register " + subject + ": " + reply);
                        }
                        last = new Registered(
                                subject, v + 1, reply.body().get("id").asInt(), schema);
                        registeredLog.add(last);
                    }
                    return last;
                }));
            }
            for (Future<Registered> f : futures) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(registeredLog).hasSize(1_000);
        assertThat(registeredLog.stream().map(Registered::id).distinct()).hasSize(1_000);
        return List.copyOf(registeredLog);
    }

    private static Reply registerWithRetry(String url, String subject, String schema, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply reply;
        do {
            reply = RestCalls.register(url, subject, schema);
            if (reply.ok()) {
                return reply;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("register " + subject + " kept failing: " + reply);
    }

    private RegistryProcess launch(String name) {
        RegistryProcess process =
                RegistryProcess.launch(name, RegistryProcess.onTopic(kafka.bootstrapServers(), topic));
        processes.add(process);
        return process.awaitReady(Duration.ofSeconds(120));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
