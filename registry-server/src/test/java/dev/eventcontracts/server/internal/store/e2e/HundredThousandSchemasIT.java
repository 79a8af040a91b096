package dev.eventcontracts.server.internal.store.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.server.internal.store.RecordCodec;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import dev.eventcontracts.server.internal.store.e2e.RestCalls.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry took whatever heap the JVM granted (1.18 GB resident after 20,000 registrations). Now
 * {@code bin/registry-server-start} starts it with {@code -Xmx512M}, and this test holds the README's claim: started
 * by that script with its default heap on a store of 100,000 schemas of about 1 KB (10,000 subjects of 10 versions,
 * written in Confluent's format), the registry replays them all and serves every one (through the schema listing,
 * and a sample by id), every subject and their versions, without running out of heap.
 *
 * <p>Why an IT at full size: writing the topic takes a few seconds, the replay about 10 and reading the 100,000
 * schemas back in 100 pages a few more, so the whole test stays within about a minute on 2 cores. The heap in use
 * after a full GC is logged (the README's table comes from {@code RegistryScaleHarness}, which also measures
 * registration through HTTP).
 */
@KafkaIntegrationTest
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class HundredThousandSchemasIT {

    private static final Logger LOG = LoggerFactory.getLogger(HundredThousandSchemasIT.class);
    private static final int SUBJECTS = 10_000;
    private static final int VERSIONS = 10;
    private static final int SCHEMAS = SUBJECTS * VERSIONS;
    private static final Pattern HEAP =
            Pattern.compile("^jvm_memory_(used|max)_bytes\\{area=\"heap\",[^}]*} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void startScriptDefaultHeap_replaysAndServesOneHundredThousandSchemas(KafkaCluster kafka) throws Exception {
        String topic = "_schemas-100k-" + UUID.randomUUID();
        kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        long start = System.nanoTime();
        writeSchemas(kafka.bootstrapServers(), topic);
        long written = System.nanoTime();

        Started started = startScript(kafka.bootstrapServers(), topic);
        Process registry = started.process();
        try {
            String url = started.url();
            awaitReady(started);
            long ready = System.nanoTime();

            assertThat(RestCalls.get(url + "/subjects").body()).hasSize(SUBJECTS);
            assertThat(RestCalls.get(url + "/subjects/" + subject(SUBJECTS - 1) + "/versions")
                            .body()
                            .toString())
                    .isEqualTo("[1,2,3,4,5,6,7,8,9,10]");
            assertThat(readEverySchemaThroughTheListing(url)).isEmpty();
            assertThat(readSampleById(url)).isEmpty();
            long read = System.nanoTime();
            Map<String, Long> heap = heapAfterGc(registry, url);
            LOG.info(
                    "100,000 schemas: written in {} ms, script launch to ready {} ms, read in {} ms; heap after a "
                            + "full GC: {} MiB used of {} MiB",
                    TimeUnit.NANOSECONDS.toMillis(written - start),
                    TimeUnit.NANOSECONDS.toMillis(ready - written),
                    TimeUnit.NANOSECONDS.toMillis(read - ready),
                    heap.get("used") >> 20,
                    heap.get("max") >> 20);
            assertThat(heap.get("max")).as("the start script's default heap").isEqualTo(512L << 20);
            assertThat(registry.isAlive()).isTrue();
        } finally {
            registry.destroy();
            if (!registry.waitFor(30, TimeUnit.SECONDS)) {
                registry.destroyForcibly();
            }
        }
    }

    /** {@code 10,000} subjects of 10 versions, ids {@code 1..100,000} in order, as Confluent would write them. */
    private static void writeSchemas(String bootstrapServers, String topic) throws Exception {
        RecordCodec codec = new RecordCodec();
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>(SCHEMAS);
            for (int i = 0; i < SCHEMAS; i++) {
                int s = i / VERSIONS;
                int v = i % VERSIONS + 1;
                SchemaValue value = new SchemaValue(subject(s), v, i + 1, "AVRO", List.of(), schema(s, v), false);
                sent.add(producer.send(new ProducerRecord<>(
                        topic, 0, codec.encodeKey(new SchemaKey(subject(s), v)), codec.encodeValue(value))));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    private static String subject(int s) {
        return String.format(Locale.ROOT, "heap.events.E%05d-value", s);
    }

    /**
     * About 1 KB of canonical text: 12 documented fields and one optional field per version after the first, in
     * Avro's canonical order of attributes.
     */
    static String schema(int s, int v) {
        StringBuilder b = new StringBuilder("{\"type\":\"record\",\"name\":\"E" + s
                + "\",\"namespace\":\"heap.events\",\"doc\":\"subject " + s + ", version " + v + "\",\"fields\":[");
        for (int f = 0; f < 12; f++) {
            b.append(f == 0 ? "" : ",")
                    .append("{\"name\":\"f")
                    .append(f)
                    .append("\",\"type\":")
                    .append(f % 3 == 0 ? "\"string\"" : f % 3 == 1 ? "\"long\"" : "[\"null\",\"string\"]")
                    .append(",\"doc\":\"the field number ")
                    .append(f)
                    .append(" of every heap event\"")
                    .append(f % 3 == 2 ? ",\"default\":null" : "")
                    .append('}');
        }
        for (int added = 1; added < v; added++) {
            b.append(",{\"name\":\"v").append(added).append("\",\"type\":\"int\",\"default\":0}");
        }
        return b.append("]}").toString();
    }

    private record Started(Process process, String url) {}

    /** Runs {@code bin/registry-server-start} as a user would, with the default heap; output to a file. */
    private Started startScript(String bootstrapServers, String topic) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path properties = dir.resolve("registry.properties");
        Files.writeString(
                properties,
                "listeners=http://127.0.0.1:" + port + "\nhost.name=127.0.0.1\n"
                        + "kafkastore.bootstrap.servers=" + bootstrapServers + "\nkafkastore.topic=" + topic + "\n"
                        + "kafkastore.topic.replication.factor=1\nschema.registry.group.id=group-" + topic + "\n");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of("bin", "registry-server-start").toString(), properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("SCHEMA_REGISTRY_HEAP_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return new Started(builder.start(), "http://127.0.0.1:" + port);
    }

    private void awaitReady(Started registry) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            assertThat(registry.process().isAlive())
                    .as("the registry exited:\n%s", logTail())
                    .isTrue();
            if (RestCalls.get(registry.url() + "/health/ready").status() == 200) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("not ready within 4 minutes:\n" + logTail());
    }

    /**
     * Reads every schema through {@code GET /schemas}, 1,000 per page (the default page, {@code schema.search.*});
     * returns what was wrong.
     */
    private static List<String> readEverySchemaThroughTheListing(String url) {
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (int offset = 0; offset <= SCHEMAS; offset += 1_000) {
            Reply page = RestCalls.get(url + "/schemas?offset=" + offset);
            if (page.status() != 200) {
                wrong.add("page at " + offset + " -> " + page.status());
                continue;
            }
            for (JsonNode v : page.body()) {
                int i = v.path("id").asInt() - 1;
                if (!v.path("schema").asText().equals(schema(i / VERSIONS, i % VERSIONS + 1))) {
                    wrong.add("id " + (i + 1));
                }
                seen++;
            }
        }
        if (seen != SCHEMAS) {
            wrong.add("listed " + seen + " schemas");
        }
        return wrong;
    }

    /** Reads every 97th id and the last one by id; returns the ids whose answer was wrong. */
    private static List<String> readSampleById(String url) {
        List<String> wrong = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id <= SCHEMAS; id += 97) {
            ids.add(id);
        }
        ids.add(SCHEMAS);
        for (int id : ids) {
            Reply reply = RestCalls.get(url + "/schemas/ids/" + id);
            int i = id - 1;
            if (reply.status() != 200
                    || !reply.body().path("schema").asText().equals(schema(i / VERSIONS, i % VERSIONS + 1))) {
                wrong.add(id + " -> " + reply.status());
            }
        }
        return wrong;
    }

    /** The heap in use and its limit after a full GC ({@code jcmd <pid> GC.run}), from the registry's metrics. */
    private static Map<String, Long> heapAfterGc(Process registry, String url) throws Exception {
        Process gc = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(registry.pid()),
                        "GC.run")
                .redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        assertThat(gc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, Long> heap = new java.util.HashMap<>(Map.of("used", 0L, "max", 0L));
        Matcher m = HEAP.matcher(RestCalls.getText(url + "/metrics"));
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            if (value > 0) {
                heap.merge(m.group(1), (long) value, Long::sum);
            }
        }
        return heap;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("registry.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
