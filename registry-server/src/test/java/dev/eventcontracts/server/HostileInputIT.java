package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registry under hostile input, over real HTTP on a real broker.
 *
 * <p>What broke: {@code request.max.bytes} bounded only bodies with a {@code Content-Length}; a chunked 100 MB body
 * was read and parsed (resident memory 323 → 582 MB), and any number of them at once could exhaust the heap. A body
 * cut short hung 30 s, then answered 500 with an empty body, logging nothing. Slow clients each held a thread while
 * their bodies trickled in, and nothing bounded how long a client could take to send its headers.
 */
@KafkaIntegrationTest
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HostileInputIT {

    private static final int LIMIT = 4 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final KafkaCluster kafka;
    private final List<RegistryServer> servers = new ArrayList<>();

    HostileInputIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @AfterEach
    void stopServers() {
        servers.forEach(RegistryServer::close);
    }

    @Test
    void chunkedBodyTenTimesTheLimit_answers413JsonBeforeTheBodyEnds() throws Exception {
        RegistryServer server = start(Map.of(RegistryServerConfig.REQUEST_MAX_BYTES, LIMIT));
        try (Socket socket = RawHttp.connect(server.url(), 30_000)) {
            ChunkedSender sender = new ChunkedSender(socket.getOutputStream(), 10L * LIMIT);
            Thread sending = new Thread(sender, "chunked-sender");
            sending.start();

            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            long sentWhenAnswered = sender.sent.get();
            sender.stop.set(true);
            sending.join(10_000);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(json(answer).path("error_code").asInt()).isEqualTo(413);
            assertThat(json(answer).path("message").asText())
                    .isEqualTo("The request body is larger than " + LIMIT + " bytes (request.max.bytes)");
            assertThat(answer.closesConnection()).isTrue();
            assertThat(sentWhenAnswered).as("bytes sent when the answer came").isLessThan(10L * LIMIT);
        }
    }

    /**
     * Sixteen clients each stream a chunked body ten times the limit at once. Each gets 413; the bytes the server
     * holds for them at once are bounded by {@code request.memory.max.bytes} (here the default: the limit), so its
     * live heap, sampled after a full collection while the sixteen are being read and answered, never grows by
     * twice the limit.
     */
    @Test
    void sixteenChunkedBodiesTenTimesTheLimitAtOnce_all413AndTheHeapGrowsLessThanTwiceTheLimit() throws Exception {
        RegistryServer server = start(Map.of(RegistryServerConfig.REQUEST_MAX_BYTES, LIMIT));
        long baseline = liveHeap();
        List<Socket> sockets = new ArrayList<>();
        List<ChunkedSender> senders = new ArrayList<>();
        ExecutorService sending = Executors.newFixedThreadPool(16);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(
                () -> {
                    while (reading.get()) {
                        peak.accumulateAndGet(liveHeap(), Math::max);
                        pause(200); // a full collection stops the server too: leave it time to work
                    }
                },
                "heap-sampler");
        sampler.start();
        try {
            for (int i = 0; i < 16; i++) {
                Socket socket = RawHttp.connect(server.url(), 60_000);
                sockets.add(socket);
                ChunkedSender sender = new ChunkedSender(socket.getOutputStream(), 10L * LIMIT);
                senders.add(sender);
                sending.submit(sender);
            }
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < sockets.size(); i++) {
                statuses.add(RawHttp.read(sockets.get(i).getInputStream()).status());
                senders.get(i).stop.set(true);
            }
            reading.set(false);
            sampler.join(60_000);
            long afterAnswers = liveHeap();
            System.out.printf(
                    "HostileInputIT: 16 chunked bodies of %d MiB at once, limit %d MiB: live heap grew by %.1f MiB at the"
                            + " peak sampled, %.1f MiB after the answers%n",
                    10 * LIMIT >> 20,
                    LIMIT >> 20,
                    (peak.get() - baseline) / 1048576.0,
                    (afterAnswers - baseline) / 1048576.0);

            assertThat(statuses).hasSize(16).containsOnly(413);
            assertThat(peak.get() - baseline)
                    .as(
                            "live heap growth while 16 oversized bodies were read (peak %d, baseline %d)",
                            peak.get(), baseline)
                    .isLessThan(2L * LIMIT);
            assertThat(afterAnswers - baseline).isLessThan(2L * LIMIT);
        } finally {
            reading.set(false);
            senders.forEach(s -> s.stop.set(true));
            sending.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void contentEncodingGzip_answers415NamingIdentity() throws Exception {
        RegistryServer server = start(Map.of());
        try (Socket socket = RawHttp.connect(server.url(), 20_000)) {
            RawHttp.send(
                    socket.getOutputStream(),
                    RawHttp.head(
                                    "POST",
                                    "/subjects/gz-value/versions",
                                    "Content-Type: application/json",
                                    "Content-Encoding: gzip",
                                    "Content-Length: 4")
                            + "abcd");

            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(415);
            assertThat(json(answer).path("error_code").asInt()).isEqualTo(415);
            assertThat(answer.head().toLowerCase(java.util.Locale.ROOT)).contains("accept-encoding: identity");
        }
    }

    @Test
    void bodyCutShort_answers408JsonWithinTheIdleTimeoutAndCloses() throws Exception {
        RegistryServer server = start(Map.of(RegistryServerConfig.IDLE_TIMEOUT_MS, 2_000));
        try (Socket socket = RawHttp.connect(server.url(), 20_000)) {
            long started = System.nanoTime();
            RawHttp.send(
                    socket.getOutputStream(),
                    RawHttp.head(
                                    "POST",
                                    "/subjects/cut-value/versions",
                                    "Content-Type: application/json",
                                    "Content-Length: 1000")
                            + "{\"schema\":");

            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            long answeredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(answer.status()).isEqualTo(408);
            assertThat(json(answer).path("error_code").asInt()).isEqualTo(408);
            assertThat(json(answer).path("message").asText())
                    .isEqualTo("The request body stopped arriving for 2000 ms (idle.timeout.ms)");
            assertThat(answeredAfterMs).isBetween(1_500L, 8_000L);
            assertThat(RawHttp.closedByServer(socket.getInputStream())).isTrue();
        }
    }

    @Test
    void bodyTrickledSlowerThanTheMinimumRate_answers408() throws Exception {
        RegistryServer server = start(Map.of(RegistryServerConfig.REQUEST_MIN_DATA_RATE, 100));
        try (Socket socket = RawHttp.connect(server.url(), 20_000)) {
            OutputStream out = socket.getOutputStream();
            RawHttp.send(
                    out,
                    RawHttp.head(
                            "POST",
                            "/subjects/trickle-value/versions",
                            "Content-Type: application/json",
                            "Content-Length: 1000"));
            InputStream in = socket.getInputStream();
            RawHttp.Answer answer = null;
            for (int i = 0; i < 20 && answer == null; i++) {
                RawHttp.send(out, "{");
                Thread.sleep(500);
                if (in.available() > 0) {
                    answer = RawHttp.read(in);
                }
            }

            assertThat(answer).as("answered while the body trickled").isNotNull();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(json(answer).path("message").asText())
                    .isEqualTo("The request body arrived slower than 100 bytes per second (request.min.data.rate)");
        }
    }

    @Test
    void headersTrickled_areAnswered408AndClosedAfterTheHeaderTimeout() throws Exception {
        RegistryServer server = start(Map.of(RegistryServerConfig.REQUEST_HEADER_TIMEOUT_MS, 1_000));
        try (Socket socket = RawHttp.connect(server.url(), 20_000)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long started = System.nanoTime();
            RawHttp.send(out, "GET /subjects HTTP/1.1\r\n");
            for (int i = 0; i < 10 && in.available() == 0; i++) {
                Thread.sleep(300);
                RawHttp.send(out, "X-Slow-" + i + ": a\r\n");
            }

            RawHttp.Answer answer = RawHttp.read(in);
            long answeredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(answer.status()).isEqualTo(408);
            assertThat(json(answer).path("error_code").asInt()).isEqualTo(408);
            assertThat(answeredAfterMs).isBetween(900L, 3_000L);
            assertThat(RawHttp.closedByServer(in)).isTrue();
        }
    }

    /**
     * 200 slow clients, half sending their headers and half their bodies a byte every two seconds, on a server with
     * the default 200 threads: a body arriving holds no thread, so a normal client is still answered at once.
     */
    @Test
    void twoHundredSlowConnections_doNotKeepANormalClientFromBeingServedWithin100Ms() throws Exception {
        RegistryServer server = start(Map.of(RegistryServerConfig.REQUEST_MIN_DATA_RATE, 0));
        Rest rest = new Rest(server.url());
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = RawHttp.connect(server.url(), 20_000);
                slow.add(socket);
                RawHttp.send(
                        socket.getOutputStream(),
                        i % 2 == 0
                                ? "GET /subjects HTTP/1.1\r\n"
                                : RawHttp.head(
                                        "POST",
                                        "/subjects/slow-" + i + "-value/versions",
                                        "Content-Type: application/json",
                                        "Content-Length: 100000"));
            }
            List<Long> latenciesMs = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < slow.size(); i++) {
                    RawHttp.send(slow.get(i).getOutputStream(), i % 2 == 0 ? "X" : "{");
                }
                for (int i = 0; i < 5; i++) {
                    long started = System.nanoTime();
                    assertThat(rest.get("/subjects").status()).isEqualTo(200);
                    latenciesMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
                Thread.sleep(2_000);
            }

            List<Long> sorted = latenciesMs.stream().sorted().toList();
            assertThat(sorted.get(sorted.size() / 2))
                    .as("median of %s", latenciesMs)
                    .isLessThan(100);
            assertThat(sorted.get(sorted.size() - 1))
                    .as("slowest of %s", latenciesMs)
                    .isLessThan(2_000);
            assertThat(slow).allSatisfy(s -> assertThat(s.isClosed()).isFalse());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void schemaNestedDeeperThanTheLimit_answers42201InTheRegistrysWords() {
        Rest.Answer answer = new Rest(start(Map.of()).url()).register("deep-value", nestedArrays(5_000));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.message())
                .isEqualTo("Invalid schema of type AVRO, details: the schema is nested more than 1000 levels deep");
    }

    @Test
    void schemaWithANumberLongerThanTheLimit_answers42201InTheRegistrysWords() {
        String schema = "{\"type\":\"record\",\"name\":\"N\",\"fields\":[{\"name\":\"n\",\"type\":\"long\","
                + "\"default\":" + "9".repeat(1_001) + "}]}";

        Rest.Answer answer = new Rest(start(Map.of()).url()).register("number-value", schema);

        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.message())
                .isEqualTo("Invalid schema of type AVRO, details: the schema holds a number longer than 1000 "
                        + "characters");
    }

    @Test
    void schemaNotValidJson_answers42201WithoutLibraryNames() {
        Rest.Answer answer = new Rest(start(Map.of()).url()).register("broken-value", "{\"type\": \"record\",");

        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.message())
                .startsWith("Invalid schema of type AVRO, details: the schema is not valid JSON: ")
                .contains("(line 1, column ")
                .doesNotContain("com.fasterxml", "java.", "Source:");
    }

    @Test
    void schemaLongerThanSchemaMaxBytes_answers42209() {
        Rest rest = new Rest(
                start(Map.of(RegistryServerConfig.SCHEMA_MAX_BYTES, 10_000)).url());

        Rest.Answer answer = rest.register("long-value", withDoc(10_001));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42209);
    }

    @Test
    void bodyNestedDeeperThanTheLimit_answers422InTheRegistrysWords() {
        String body = "{\"schema\":\"\\\"int\\\"\",\"x\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";

        Rest.Answer answer = new Rest(start(Map.of()).url()).post("/subjects/body-value/versions", body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(422);
        assertThat(answer.message()).isEqualTo("The request body is nested more than 1000 levels deep");
    }

    @Test
    void bodyWithANumberLongerThanTheLimit_answers422InTheRegistrysWords() {
        String body = "{\"schema\":\"\\\"int\\\"\",\"version\":" + "1".repeat(1_001) + "}";

        Rest.Answer answer = new Rest(start(Map.of()).url()).post("/subjects/body-value/versions", body);

        assertThat(answer.errorCode()).isEqualTo(422);
        assertThat(answer.message()).isEqualTo("The request body holds a number longer than 1000 characters");
    }

    /** Confluent's limits are the JSON library's defaults: 1,000 levels; its record limit: about 1 MB. */
    @Test
    void schemasAtConfluentsLimits_areAccepted() {
        Rest rest = new Rest(start(Map.of()).url());

        Rest.Answer deepest = rest.register("deepest-value", nestedArrays(999));
        Rest.Answer largest = rest.register("largest-value", withDoc(899_000));

        assertThat(deepest.status()).as(deepest.text()).isEqualTo(200);
        assertThat(largest.status()).as(largest.text()).isEqualTo(200);
    }

    private static String nestedArrays(int depth) {
        return "{\"type\":\"array\",\"items\":".repeat(depth) + "\"int\"" + "}".repeat(depth);
    }

    /** A record schema of exactly {@code bytes} bytes, most of them its doc. */
    private static String withDoc(int bytes) {
        String shell = "{\"type\":\"record\",\"name\":\"Doc\",\"doc\":\"\",\"fields\":[]}";
        return shell.replace("\"doc\":\"\"", "\"doc\":\"" + "d".repeat(bytes - shell.length()) + "\"");
    }

    private RegistryServer start(Map<String, ?> extra) {
        RegistryServer server = TestServers.onKafka(kafka.bootstrapServers(), extra);
        servers.add(server);
        return server;
    }

    private static JsonNode json(RawHttp.Answer answer) throws IOException {
        return Rest.MAPPER.readTree(answer.body());
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Used heap after a full collection: what the server holds, not what it has let go. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Sends a chunked schema body of {@code total} bytes, in 64 KiB chunks, until told to stop or cut off. */
    private static final class ChunkedSender implements Runnable {

        final AtomicLong sent = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        private final OutputStream out;
        private final long total;

        ChunkedSender(OutputStream out, long total) {
            this.out = out;
            this.total = total;
        }

        @Override
        public void run() {
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'a');
            byte[] start = "{\"schema\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] size = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                RawHttp.send(
                        out,
                        RawHttp.head(
                                "POST",
                                "/subjects/chunked-value/versions",
                                "Content-Type: application/json",
                                "Transfer-Encoding: chunked"));
                System.arraycopy(start, 0, chunk, 0, start.length);
                while (!stop.get() && sent.get() < total) {
                    out.write(size);
                    out.write(chunk);
                    out.write(crlf);
                    sent.addAndGet(CHUNK);
                    Arrays.fill(chunk, 0, start.length, (byte) 'a');
                }
                if (!stop.get()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server closed the connection after its answer: what the tests expect
            }
        }
    }
}
