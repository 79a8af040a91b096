package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 1,200 malformed and hostile requests from a seeded generator, plus raw malformed HTTP: never a 5xx, never a
 * crash, every answer a JSON body ({@code error_code} and {@code message} for every error), every message in the
 * registry's words: no class name of the JDK or of a library in any of them.
 */
@KafkaIntegrationTest
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT {

    private static final long SEED = 20_261_127L;
    private static final int REQUESTS = 1_200;
    /** The registry's words for a limit of the JSON parser. */
    private static final java.util.regex.Pattern LIMIT_MESSAGE =
            java.util.regex.Pattern.compile("(nested more than|number longer than|field name longer than)");
    /** A class of the JDK or of a library the registry uses: internals a message must not show. */
    private static final java.util.regex.Pattern LIBRARY_CLASS = java.util.regex.Pattern.compile(
            "com\\.fasterxml|\\bjava\\.[a-z]+\\.|\\bjavax\\.|org\\.eclipse\\.jetty|org\\.apache\\.avro|io\\.javalin");

    @RegisterExtension
    static final RegistryOnKafka REGISTRY =
            RegistryOnKafka.withConfig(Map.of(RegistryServerConfig.COMPATIBILITY_LEVEL, "NONE"));

    private final SharedRegistry registry;
    private final Rest rest;

    FuzzIT(SharedRegistry registry) {
        this.registry = registry;
        this.rest = registry.rest();
    }

    @Test
    void hostileRequests_neverAnswer5xxAndAlwaysAnswerJson() {
        FuzzRequests requests = new FuzzRequests(SEED);
        List<String> problems = new ArrayList<>();
        java.util.SortedMap<Integer, Integer> statuses = new java.util.TreeMap<>();
        java.util.SortedSet<String> limitsAnswered = new java.util.TreeSet<>();
        int errors = 0;
        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequests.Request request = requests.next();
            Rest.Answer answer;
            try {
                answer = send(request);
            } catch (java.io.UncheckedIOException e) {
                problems.add("#" + i + " " + request + "\n    -> no answer: " + e.getCause());
                continue;
            }
            String problem = problem(answer);
            if (problem != null) {
                problems.add("#" + i + " " + request + "\n    -> " + answer.status() + " " + abbreviate(answer.text())
                        + " (" + problem + ")");
            }
            errors += answer.status() >= 400 ? 1 : 0;
            statuses.merge(answer.status(), 1, Integer::sum);
            java.util.regex.Matcher limit = LIMIT_MESSAGE.matcher(answer.text());
            if (limit.find()) {
                limitsAnswered.add(answer.errorCode() + " " + limit.group(1));
            }
        }
        System.out.println("FuzzIT statuses: " + statuses);
        assertThat(problems).isEmpty();
        assertThat(statuses)
                .as("the generator reaches every kind of refusal")
                .containsKeys(200, 400, 404, 405, 413, 415, 422);
        assertThat(errors).as("most fuzz requests are refused").isGreaterThan(REQUESTS / 2);
        assertThat(limitsAnswered)
                .as("each limit of the JSON parser, in the schema (42201) and in the body (422)")
                .contains(
                        "42201 nested more than",
                        "42201 number longer than",
                        "42201 field name longer than",
                        "422 nested more than",
                        "422 number longer than",
                        "422 field name longer than");
        assertThat(rest.get("/health/ready").status()).isEqualTo(200);
        assertThat(rest.register("after-fuzz-value", "\"string\"").status()).isEqualTo(200);
    }

    @Test
    void malformedHttp_answersJsonErrorsFromTheServerItself() throws Exception {
        URI base = URI.create(registry.server().url());
        // raw bytes: what an HTTP client library refuses to send
        List<String> rawRequests = List.of(
                "GET /subjects/a/versions/-2/referencedby?%%% HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /subjects/\u0001bad HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /subjects HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
                "GET /subjects/%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /subjects/a/versions HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
                "BREW /coffee HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /subjects/%2e%2e/%2e%2e/etc HTTP/1.1\r\nHost: x\r\n\r\n");
        List<String> problems = new ArrayList<>();
        for (String raw : rawRequests) {
            String response = sendRaw(base, raw);
            int status = Integer.parseInt(response.substring(9, 12));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (status >= 500
                    || !isErrorJson(body)
                    || LIBRARY_CLASS.matcher(body).find()) {
                problems.add(abbreviate(raw) + " -> " + abbreviate(response));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The one 5xx Jetty's parser itself answers, before the registry sees the request: still a JSON body. */
    @Test
    void unknownHttpVersion_answersJetty505WithJsonBody() throws Exception {
        String response = sendRaw(URI.create(registry.server().url()), "GET /subjects HTTP/9.9\r\nHost: x\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 505");
        assertThat(isErrorJson(response.substring(response.indexOf("\r\n\r\n") + 4)))
                .isTrue();
    }

    private Rest.Answer send(FuzzRequests.Request request) {
        String contentType =
                request.contentType() == null || request.contentType().isEmpty() ? null : request.contentType();
        // no retry: the registry answers every request it reads, also those it answers before reading the body
        return rest.send(request.method(), request.path(), request.body(), contentType);
    }

    /** Null when the answer is acceptable, otherwise what is wrong with it. */
    private static String problem(Rest.Answer answer) {
        if (answer.status() >= 500) {
            return "5xx";
        }
        JsonNode json;
        try {
            json = Rest.MAPPER.readTree(answer.text());
        } catch (Exception e) {
            return "not JSON";
        }
        if (json == null || json.isMissingNode()) {
            return "empty body";
        }
        if (answer.status() >= 400 && !isErrorJson(answer.text())) {
            return "error without error_code and message";
        }
        if (LIBRARY_CLASS.matcher(json.path("message").asText("")).find()) {
            return "a library class name in the message";
        }
        return null;
    }

    private static boolean isErrorJson(String text) {
        try {
            JsonNode json = Rest.MAPPER.readTree(text);
            return json != null
                    && json.path("error_code").isInt()
                    && json.path("message").isTextual();
        } catch (Exception e) {
            return false;
        }
    }

    private static String sendRaw(URI base, String raw) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((raw.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
