package dev.eventcontracts.benchmarks.client;

import com.sun.net.httpserver.HttpServer;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SchemaString;
import dev.eventcontracts.schema.AvroSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cached schema lookups by id, as a deserializer does for every record: {@link SchemaRegistry#schemaById} of the
 * registry from {@code SchemaRegistries.create} once all {@value #IDS} ids are cached (target: under 100 ns/op).
 * Baseline, measured in the same run: {@code baselineConcurrentHashMap} — a {@code ConcurrentHashMap.get} of the
 * same ids, the floor any cache lookup can reach; {@code uncachedRestLookup} — the HTTP round trip plus parse that
 * the cache saves, against a JDK {@code HttpServer} on loopback serving the schemas.
 *
 * <p>Run (one and two threads):
 * <pre>
 * mvn -q -pl benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar CachedLookupBenchmark -f 1 -wi 3 -i 5 -t 1
 * java -jar benchmarks/target/benchmarks.jar CachedLookupBenchmark -f 1 -wi 3 -i 5 -t 2
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// the JDK HttpServer otherwise sends headers and body under Nagle: a 40 ms delayed-ACK stall per uncached call
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CachedLookupBenchmark {

    /** Distinct schema ids looked up in turn; above 127 so the {@code Integer} boxing is real. */
    static final int IDS = 64;

    static final int FIRST_ID = 1001;

    /** A registry on loopback serving {@value #IDS} schemas, the cached registry over it, and the baseline map. */
    @State(Scope.Benchmark)
    public static class Registry {
        HttpServer server;
        SchemaRegistry cached;
        SchemaRegistryClient rest;
        final Map<Integer, AvroSchema> map = new ConcurrentHashMap<>();

        @Setup
        public void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/schemas/ids/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                int id = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                byte[] body = ("{\"schema\":" + quoted(schemaText(id)) + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            RegistryClientConfig config = RegistryClientConfig.builder()
                    .urls("http://127.0.0.1:" + server.getAddress().getPort())
                    .build();
            cached = SchemaRegistries.create(config);
            rest = SchemaRegistries.restClient(config);
            for (int id = FIRST_ID; id < FIRST_ID + IDS; id++) {
                map.put(id, cached.schemaById(id));
            }
        }

        @TearDown
        public void stop() {
            cached.close();
            rest.close();
            server.stop(0);
        }

        private static String schemaText(int id) {
            return "{\"type\":\"record\",\"name\":\"Event" + id + "\",\"namespace\":\"bench\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":{\"type\":\"bytes\","
                    + "\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}},{\"name\":\"at\",\"type\":\"long\"}]}";
        }

        private static String quoted(String json) {
            return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** Each thread walks the ids in its own order. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int nextId() {
            next = (next + 1) & (IDS - 1);
            return FIRST_ID + next;
        }
    }

    /** The measured path: a cache hit of the cached registry. */
    @Benchmark
    public AvroSchema cachedSchemaById(Registry registry, Cursor cursor) {
        return registry.cached.schemaById(cursor.nextId());
    }

    /** Baseline floor: a plain {@code ConcurrentHashMap} lookup of the same ids. */
    @Benchmark
    public AvroSchema baselineConcurrentHashMap(Registry registry, Cursor cursor) {
        return registry.map.get(cursor.nextId());
    }

    /** What the cache saves: the REST call and the parse, every time. */
    @Benchmark
    public AvroSchema uncachedRestLookup(Registry registry, Cursor cursor) {
        SchemaString answer = registry.rest.schemaById(cursor.nextId());
        return AvroSchema.parse(answer.schema());
    }
}
