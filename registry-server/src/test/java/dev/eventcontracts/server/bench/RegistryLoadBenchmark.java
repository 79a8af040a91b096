package dev.eventcontracts.server.bench;

import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.server.RegistryServer;
import dev.eventcontracts.server.RegistryServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Load benchmark of the registry's hot paths over real HTTP on loopback: {@code GET /schemas/ids/{id}}, the
 * lookup of an already registered schema ({@code POST /subjects/{s}/versions} with a known schema) and new
 * registrations. Not part of {@code mvn verify}. Prints req/s and p50/p99 per scenario as a Markdown table.
 *
 * <p>Load comes from {@code wrk} (2 threads, 16 keep-alive connections) when it is on the PATH, otherwise from
 * {@link JavaLoad} (same shape, a bounded number of requests). The store is a real Kafka broker started in this
 * JVM (the default, {@code --store=kafka}) or memory ({@code --store=memory}).
 *
 * <pre>
 * mvn -q -o -pl registry-server test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.eventcontracts.server.bench.RegistryLoadBenchmark -Dexec.args="--seconds=10"
 * </pre>
 */
public final class RegistryLoadBenchmark {

    private static final String TYPE = "application/vnd.schemaregistry.v1+json";

    private RegistryLoadBenchmark() {}

    /** Runs the benchmark; options {@code --seconds=N}, {@code --store=kafka|memory}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        boolean kafka = !"memory".equals(options.get("store"));
        KafkaCluster cluster = kafka ? KafkaCluster.builder().brokers(1).start() : null;
        Map<String, Object> props = new HashMap<>();
        props.put(RegistryServerConfig.LISTENERS, "http://127.0.0.1:0");
        props.put(RegistryServerConfig.HOST_NAME, "127.0.0.1");
        if (cluster != null) {
            props.put("kafkastore.bootstrap.servers", cluster.bootstrapServers());
            props.put("kafkastore.topic", "_schemas-bench-" + UUID.randomUUID());
            props.put("kafkastore.topic.replication.factor", "1");
        }
        List<String[]> rows = new ArrayList<>();
        try (RegistryServer server = RegistryServer.start(RegistryServerConfig.of(props))) {
            String url = server.url();
            int id = seed(url);
            Load load = Wrk.available() ? new Wrk() : new JavaLoad();
            int warmUp = Math.max(2, seconds / 2);
            System.out.println("warming up for " + 2 * warmUp + " s (not measured)");
            load.get(url + "/schemas/ids/" + id, warmUp);
            load.post(url + "/subjects/bench-value/versions", knownSchemaBody(), warmUp);
            rows.add(row("GET /schemas/ids/{id}", load.get(url + "/schemas/ids/" + id, seconds)));
            rows.add(row(
                    "lookup of a registered schema (POST /subjects/{s}/versions)",
                    load.post(url + "/subjects/bench-value/versions", knownSchemaBody(), seconds)));
            rows.add(row(
                    "new registrations (POST /subjects/{s}/versions)",
                    load.postUnique(url + "/subjects/bench-new-value/versions", seconds)));
            System.out.println();
            System.out.println("Registry load benchmark: " + load.name() + ", store "
                    + (kafka ? "Kafka (1 broker in" + " this JVM)" : "in memory") + ", " + seconds + " s per scenario, "
                    + Runtime.getRuntime().availableProcessors() + " CPUs");
            System.out.println();
            System.out.println("| scenario | req/s | p50 | p99 |");
            System.out.println("|---|---:|---:|---:|");
            for (String[] r : rows) {
                System.out.println("| " + String.join(" | ", r) + " |");
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** One measurement. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {}

    /** A load generator. */
    interface Load {
        String name();

        Result get(String url, int seconds) throws Exception;

        Result post(String url, String body, int seconds) throws Exception;

        /** POSTs a schema no request has sent before, every time. */
        Result postUnique(String url, int seconds) throws Exception;
    }

    private static String[] row(String scenario, Result r) {
        return new String[] {
            scenario,
            String.format(Locale.ROOT, "%,.0f", r.requestsPerSecond()),
            String.format(Locale.ROOT, "%.2f ms", r.p50Millis()),
            String.format(Locale.ROOT, "%.2f ms", r.p99Millis())
                    + (r.errors() > 0 ? " (" + r.errors() + " errors)" : "")
        };
    }

    static String knownSchema() {
        return "{\"type\":\"record\",\"name\":\"Bench\",\"namespace\":\"bench\",\"fields\":[{\"name\":\"id\","
                + "\"type\":\"string\"},{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":"
                + "\"decimal\",\"precision\":12,\"scale\":2}},{\"name\":\"note\",\"type\":[\"null\",\"string\"],"
                + "\"default\":null}]}";
    }

    static String knownSchemaBody() {
        return "{\"schema\":" + quote(knownSchema()) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Registers the known schema (and a few others); returns the known schema's id. */
    private static int seed(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url + "/subjects/bench-value/versions"))
                        .header("Content-Type", TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(knownSchemaBody()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("seeding failed: " + response.body());
        }
        client.send(
                HttpRequest.newBuilder(URI.create(url + "/config/bench-new-value"))
                        .header("Content-Type", TYPE)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String id = response.body().replaceAll("^\\{\"id\":(\\d+),.*$", "$1");
        return Integer.parseInt(id);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return options;
    }

    static Path tempFile(String prefix, String content) throws IOException {
        Path file = Files.createTempFile(prefix, ".lua");
        Files.writeString(file, content);
        file.toFile().deleteOnExit();
        return file;
    }
}
