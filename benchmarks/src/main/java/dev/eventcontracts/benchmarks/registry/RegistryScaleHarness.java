package dev.eventcontracts.benchmarks.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.devstack.KafkaCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The registry at scale: N schemas registered in N/10 subjects (10 versions each, about 1 KB of canonical text,
 * by 8 concurrent clients over HTTP), then a restart that replays them. Reports the registration rate, the time
 * from launching the restarted JVM to its first answer, the heap in use after a full GC and the resident memory
 * (after registering, after the replay, after reading every schema by id), and the median latency of listing
 * every subject, of a lookup ({@code POST /subjects/{s}}) and of {@code GET /schemas/ids/{id}}. A harness, not a
 * test: the figures depend on the machine and its load.
 *
 * <p>Each registry runs in its own JVM with the documented heap ({@code -Xmx512M}; {@code -Dheap=...} changes it)
 * and the executable jar's logging, on a one-broker Kafka in this JVM. The heap is read from the registry's
 * {@code /metrics} after {@code jcmd <pid> GC.run}; the resident memory from {@code /proc/<pid>/status}.
 *
 * <p>A count written {@code topic:N} skips the registration over HTTP: the N schemas are written straight to the
 * store topic in Confluent's record format, canonical text as a registry stores it (as a registry that registered
 * them leaves the topic), and only the restart,
 * heap and latencies are measured. Registering over HTTP runs at the store's pace (one Kafka transaction each):
 * 100,000 take 5 minutes on an idle 2-core machine, more than an hour on a loaded one.
 *
 * <p>Run (about 1 minute for 10,000 schemas on 2 cores, idle):
 * <pre>
 * mvn -q -pl benchmarks -am install -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.registry.RegistryScaleHarness 10000 100000
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.registry.RegistryScaleHarness topic:100000
 * </pre>
 */
public final class RegistryScaleHarness {

    private static final int VERSIONS_PER_SUBJECT = 10;
    private static final int CLIENTS = 8;
    /** A count prefixed with this is written straight to the store topic instead of registered over HTTP. */
    private static final String DIRECT = "topic:";

    private static final Pattern HEAP_USED =
            Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

    private RegistryScaleHarness() {}

    /**
     * Runs the scale test for each N and prints one table on standard output.
     *
     * @param args the schema counts, default {@code 10000 100000}
     * @throws Exception when the broker or a registry fails
     */
    public static void main(String[] args) throws Exception {
        List<String> counts = args.length == 0 ? List.of("10000", "100000") : List.of(args);
        String heap = System.getProperty("heap", "512M");
        System.out.printf(
                Locale.ROOT,
                "-Xmx%s, %d clients%n| schemas (subjects) | registration | restart to first answer | heap after GC:"
                        + " registered / replayed / every schema read | resident: registered / replayed"
                        + " | GET /subjects (all) | lookup | GET /schemas/ids/{id} |%n"
                        + "|---|---:|---:|---|---|---:|---:|---:|%n",
                heap,
                CLIENTS);
        try (KafkaCluster kafka = KafkaCluster.builder().start()) {
            for (String count : counts) {
                // one row as soon as it is measured: a long run still leaves the rows it finished
                boolean direct = count.startsWith(DIRECT);
                int n = Integer.parseInt(direct ? count.substring(DIRECT.length()) : count);
                System.out.print(run(kafka, n, heap, direct));
                System.out.flush();
            }
        }
    }

    private static String run(KafkaCluster kafka, int n, String heap, boolean direct) throws Exception {
        String topic = "_schemas-scale-" + n + "-" + System.nanoTime();
        Map<String, String> props = Map.of(
                "kafkastore.bootstrap.servers",
                kafka.bootstrapServers(),
                "kafkastore.topic",
                topic,
                "kafkastore.topic.replication.factor",
                "1",
                "schema.registry.group.id",
                "scale-" + topic,
                // the replay of 100,000 schemas can outlast the default 60 s on a loaded machine
                "kafkastore.init.timeout.ms",
                "600000");
        List<String> jvm = List.of("-Xmx" + heap);
        int subjects = n / VERSIONS_PER_SUBJECT;
        double rate = Double.NaN;
        long heapRegistered = -1;
        long rssRegistered = -1;
        if (direct) {
            writeToTopic(kafka, topic, subjects);
        } else {
            try (RegistryChild first = RegistryChild.launch("scale-" + n + "-register", props, jvm)) {
                first.awaitReady(Duration.ofMinutes(2));
                rate = register(new RegistryHttp(first.url()), subjects);
                heapRegistered = heapAfterGc(first);
                rssRegistered = residentBytes(first.pid());
            }
        }
        try (RegistryChild second = RegistryChild.launch("scale-" + n + "-replay", props, jvm)) {
            Duration ready = second.awaitReady(Duration.ofMinutes(5));
            RegistryHttp http = new RegistryHttp(second.url());
            long heapReplayed = heapAfterGc(second);
            long rssReplayed = residentBytes(second.pid());
            double list = median(20, i -> requireOk(http.get("/subjects")));
            Random random = new Random(n);
            double lookup = median(1_000, i -> {
                int s = random.nextInt(subjects);
                int v = 1 + random.nextInt(VERSIONS_PER_SUBJECT);
                return requireOk(http.post("/subjects/" + subject(s), RegistryHttp.schemaBody(schema(s, v))));
            });
            double byId = median(1_000, i -> requireOk(http.get("/schemas/ids/" + (1 + random.nextInt(n)))));
            readEveryId(http, n);
            long heapServed = heapAfterGc(second);
            String replay = replayMillis(second.log());
            return String.format(
                    Locale.ROOT,
                    "| %,d (%,d) | %s | %.1f s (replay %s ms) | %s / %s / %s | %s / %s | %.2f ms | %.2f ms | %.2f ms |%n",
                    n,
                    subjects,
                    direct ? "written to the topic" : String.format(Locale.ROOT, "%,.0f /s", rate),
                    ready.toMillis() / 1000.0,
                    replay,
                    mib(heapRegistered),
                    mib(heapReplayed),
                    mib(heapServed),
                    mib(rssRegistered),
                    mib(rssReplayed),
                    list,
                    lookup,
                    byId);
        }
    }

    /** Registers 10 versions in each subject with 8 clients, each owning every 8th subject; returns schemas/s. */
    private static double register(RegistryHttp http, int subjects) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int v = 1; v <= VERSIONS_PER_SUBJECT; v++) {
                        for (int s = client; s < subjects; s += CLIENTS) {
                            RegistryHttp.Answer answer = http.post(
                                    "/subjects/" + subject(s) + "/versions", RegistryHttp.schemaBody(schema(s, v)));
                            if (answer.status() != 200 && failures.incrementAndGet() < 5) {
                                System.err.println("registration failed: " + answer.status() + " " + answer.body());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " registrations failed");
        }
        return subjects * (double) VERSIONS_PER_SUBJECT / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Writes the subjects' 10 versions each straight to the store topic, in Confluent's record format (the keys
     * and values a Confluent registry writes; ids in registration order), as a registry that had registered them
     * would have left it.
     */
    private static void writeToTopic(KafkaCluster kafka, String topic, int subjects) throws Exception {
        kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("linger.ms", "20");
        config.put("batch.size", "262144");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            int id = 0;
            for (int v = 1; v <= VERSIONS_PER_SUBJECT; v++) {
                for (int s = 0; s < subjects; s++) {
                    id++;
                    ObjectNode key = RegistryHttp.JSON
                            .createObjectNode()
                            .put("keytype", "SCHEMA")
                            .put("subject", subject(s))
                            .put("version", v)
                            .put("magic", 1);
                    ObjectNode value = RegistryHttp.JSON
                            .createObjectNode()
                            .put("subject", subject(s))
                            .put("version", v)
                            .put("id", id)
                            .put("schemaType", "AVRO")
                            .put("schema", canonical(schema(s, v)))
                            .put("deleted", false);
                    sent.add(producer.send(new ProducerRecord<>(
                            topic,
                            0,
                            RegistryHttp.JSON.writeValueAsBytes(key),
                            RegistryHttp.JSON.writeValueAsBytes(value))));
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    /** The text a registry stores for a schema without references: Avro's own writing of the parsed schema. */
    private static String canonical(String text) {
        return new Schema.Parser().parse(text).toString();
    }

    /** Reads every id once, with 8 clients: every schema's answer has been built at least once. */
    private static void readEveryId(RegistryHttp http, int n) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int id = 1 + client; id <= n; id += CLIENTS) {
                        requireOk(http.get("/schemas/ids/" + id));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    static String subject(int s) {
        return String.format(Locale.ROOT, "scale.events.Event%06d-value", s);
    }

    /**
     * Version {@code v} of subject {@code s}: a record of 15 documented fields of several kinds plus {@code v - 1}
     * optional fields with defaults (each version is backward compatible with the one before); about 1 KB.
     */
    static String schema(int s, int v) {
        StringBuilder b = new StringBuilder("{\"type\":\"record\",\"name\":\"Event" + s
                + "\",\"namespace\":\"scale.events\",\"doc\":\"Event " + s + " as of version " + v + "\",\"fields\":[");
        String[] types = {
            "\"string\"",
            "\"long\"",
            "\"int\"",
            "\"double\"",
            "\"boolean\"",
            "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}",
            "[\"null\",\"string\"]"
        };
        for (int f = 0; f < 15; f++) {
            String type = types[f % types.length];
            b.append(f == 0 ? "" : ",")
                    .append("{\"name\":\"field")
                    .append(f)
                    .append("\",\"type\":")
                    .append(type)
                    .append(type.startsWith("[") ? ",\"default\":null" : "")
                    .append(",\"doc\":\"field ")
                    .append(f)
                    .append(" of the event\"}");
        }
        for (int extra = 1; extra < v; extra++) {
            b.append(",{\"name\":\"added").append(extra).append("\",\"type\":\"int\",\"default\":0}");
        }
        return b.append("]}").toString();
    }

    private static RegistryHttp.Answer requireOk(RegistryHttp.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("unexpected answer " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private interface Call {
        RegistryHttp.Answer run(int i);
    }

    private static double median(int rounds, Call call) {
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            millis[i] = call.run(i).millis();
        }
        Arrays.sort(millis);
        return millis[rounds / 2];
    }

    /** The heap in use after a full GC, from the registry's own metrics. */
    private static long heapAfterGc(RegistryChild registry) throws Exception {
        Process gc = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(registry.pid()),
                        "GC.run")
                .redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            throw new IllegalStateException("jcmd GC.run failed for the registry's JVM");
        }
        String metrics = new RegistryHttp(registry.url()).get("/metrics").body();
        Matcher m = HEAP_USED.matcher(metrics);
        double used = 0;
        while (m.find()) {
            used += Double.parseDouble(m.group(1));
        }
        return (long) used;
    }

    /** VmRSS of a process (Linux), in bytes; -1 elsewhere. */
    private static long residentBytes(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static String replayMillis(String log) {
        Matcher m = Pattern.compile("Replayed the store topic .* in (\\d+) ms").matcher(log);
        return m.find() ? m.group(1) : "?";
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }
}
