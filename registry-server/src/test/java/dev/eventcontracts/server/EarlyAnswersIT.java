package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code FuzzIT} failed one run in three with "HTTP/1.1 header parser received no bytes".
 *
 * <p>What broke: an answer given before the request body was read (415 for the media type, 404/405 for the path,
 * 413 for the size) was written with its full length, which commits it as a kept-alive answer. When the exchange
 * completed with body bytes still unread, Jetty aborted the connection; a client still sending its body (the fuzz
 * corpus sends up to 3 MB) got a broken pipe and lost the answer, and its retry, the same request, raced the same
 * way. Jetty's own 400 for a URI it refuses ({@code %00}, {@code %2E%2E}, {@code //}) aborted the same way. Now such
 * an answer says {@code Connection: close}, and the connection lingers: it half-closes and discards the rest of the
 * body until the client closes, so the client reads the answer whatever the timing.
 */
@WithRegistryOnKafka
class EarlyAnswersIT {

    private static final int BODY_BYTES = 3_000_000;
    /** The registry's linger time after an answer (GuardedConnectionFactory.LINGER). */
    private static final java.time.Duration LINGER = java.time.Duration.ofSeconds(5);

    private final SharedRegistry registry;

    EarlyAnswersIT(SharedRegistry registry) {
        this.registry = registry;
    }

    /**
     * The client sends the headers and the first part of the body, waits for the answer, then sends the rest: the
     * server answered before the body ended, every time, and the rest of the body must still be accepted.
     */
    @ParameterizedTest(name = "{0} {1} [{2}] -> {3}")
    @CsvSource({
        "POST, /subjects/s/versions, text/plain, 415",
        "POST, /subjects/s/versions, application/json, 413",
        "POST, /no/such/path, application/json, 404",
        "PATCH, /subjects/s/versions, application/json, 405",
        "POST, /subjects/%00/versions, application/json, 400",
        "POST, /subjects/%2E%2E/versions, application/json, 400",
        "POST, /subjects/a//b/versions, application/json, 400",
        "POST, /subjects/%u0041/versions, application/json, 400",
    })
    void answerBeforeTheBodyEnds_reachesAClientThatKeepsSending(
            String method, String path, String contentType, int expectedStatus) throws IOException {
        URI base = URI.create(registry.server().url());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] body = schemaBody(BODY_BYTES);
            out.write((method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType
                            + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, 1024);
            out.flush();
            String statusLine = readLine(in);

            out.write(body, 1024, body.length - 1024);
            out.flush();
            socket.shutdownOutput();
            String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(statusLine).startsWith("HTTP/1.1 " + expectedStatus);
            assertThat(rest.toLowerCase(Locale.ROOT)).contains("connection: close");
            String answerBody = rest.substring(rest.indexOf("\r\n\r\n") + 4);
            assertThat(Rest.MAPPER.readTree(answerBody).path("error_code").asInt())
                    .isEqualTo(expectedStatus);
        }
    }

    /** The way the JDK's client sends: body and answer concurrently; the answer arrives every time. */
    @Test
    void earlyAnswers_toAStandardClient_arriveEveryTime() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        byte[] body = schemaBody(BODY_BYTES);
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String type = i % 2 == 0 ? "text/plain" : "application/json";
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(registry.server().url() + "/subjects/s/versions"))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(i % 2 == 0 ? 415 : 413);
            } catch (IOException e) {
                lost.add("#" + i + " " + type + ": " + e);
            }
        }
        assertThat(lost).isEmpty();
    }

    /** A client that never stops sending is cut once the linger time has passed after the answer. */
    @Test
    void clientThatNeverStopsSending_isClosedAfterTheLingerTime() throws IOException {
        URI base = URI.create(registry.server().url());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /subjects/s/versions HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                            + "Content-Length: 100000000000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[16 * 1024];
            out.write(chunk);
            out.flush();
            socket.setSoTimeout(20_000);
            String statusLine = readLine(socket.getInputStream());
            long answered = System.nanoTime();
            long sent = 0;
            try {
                while (System.nanoTime() - answered < TimeUnit.SECONDS.toNanos(60)) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException expected) {
                // the server closed the connection: what this test waits for
            }
            long cutAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered);

            assertThat(statusLine).startsWith("HTTP/1.1 415");
            assertThat(sent).as("the body kept being accepted after the answer").isGreaterThan(chunk.length);
            assertThat(cutAfterMillis)
                    .as("closed about %s after the answer", LINGER)
                    .isBetween(LINGER.toMillis() - 1_000, LINGER.toMillis() + 10_000);
        }
    }

    /** A request whose body is read to its end keeps its connection (the fix closes only what it must). */
    @Test
    void answerAfterTheWholeBody_keepsTheConnection() throws IOException {
        URI base = URI.create(registry.server().url());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            byte[] body = "{\"schema\": \"\\\"int\\\"\"}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2; i++) {
                out.write(("POST /subjects/keep-" + i + "/versions HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                + "application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                String head = readHead(socket.getInputStream());
                assertThat(head).startsWith("HTTP/1.1 200");
                assertThat(head.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
                skipBody(socket.getInputStream(), head);
            }
        }
    }

    private static byte[] schemaBody(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] start = "{\"schema\": \"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int end = lower.indexOf("\r\n", at);
        int length = Integer.parseInt(
                lower.substring(at + "content-length:".length(), end).trim());
        assertThat(in.readNBytes(length)).hasSize(length);
    }
}
