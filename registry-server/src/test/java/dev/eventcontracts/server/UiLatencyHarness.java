package dev.eventcontracts.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures how fast the registry UI answers with 1,000 subjects (two versions each), beside a baseline measured in
 * the same run: {@code GET /subjects/{s}/versions/1}, the API's plainest read. Per request kind it sends the requests
 * one after another over one connection from a warmed-up client and reports p50 and p99. The page is one static
 * document; its views are the API reads it makes, plus the diff, so each of those is measured. A harness, not a test:
 * the figures go into the README.
 *
 * <p>Run after {@code mvn -pl registry-server -am install -DskipTests}:
 *
 * <pre>{@code
 * cd registry-server
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.eventcontracts.server.UiLatencyHarness 2000
 * }</pre>
 */
public final class UiLatencyHarness {

    private static final int SUBJECTS = 1_000;

    private UiLatencyHarness() {}

    /**
     * Runs the harness.
     *
     * @param args the number of requests per kind, default 2,000
     * @throws Exception when the registry cannot be started or reached
     */
    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        try (RegistryServer server = TestServers.inMemory(Map.of())) {
            Rest rest = new Rest(server.url());
            for (int i = 0; i < SUBJECTS; i++) {
                String subject = "subject-" + i + "-value";
                rest.register(subject, record(i, ""));
                rest.register(subject, record(i, ",{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}"));
            }
            Map<String, String> kinds = new LinkedHashMap<>();
            kinds.put("baseline GET /subjects/{s}/versions/1", "/subjects/subject-%d-value/versions/1");
            kinds.put("GET /ui (the page)", "/ui");
            kinds.put("GET /subjects (the list, 1,000 names)", "/subjects");
            kinds.put("GET /subjects/{s}/versions", "/subjects/subject-%d-value/versions");
            kinds.put("GET /config/{s}?defaultToGlobal=true", "/config/subject-%d-value?defaultToGlobal=true");
            kinds.put("GET /ui/subjects/{s}/diff/1/2 (diff + verdict)", "/ui/subjects/subject-%d-value/diff/1/2");
            HttpClient client = HttpClient.newHttpClient();
            for (Map.Entry<String, String> kind : kinds.entrySet()) {
                measure(client, server.url(), kind.getValue(), requests / 2);
                long[] nanos = measure(client, server.url(), kind.getValue(), requests);
                Arrays.sort(nanos);
                System.out.printf(
                        "%-50s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                        kind.getKey(),
                        nanos[nanos.length / 2] / 1e6,
                        nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                        nanos[nanos.length - 1] / 1e6);
            }
        }
    }

    private static long[] measure(HttpClient client, String base, String pathFormat, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            URI uri = URI.create(base + String.format(pathFormat, i % SUBJECTS));
            long start = System.nanoTime();
            HttpResponse<byte[]> answer =
                    client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + answer.statusCode());
            }
        }
        return nanos;
    }

    private static String record(int i, String extraField) {
        return "{\"type\":\"record\",\"name\":\"Event" + i + "\",\"namespace\":\"dev.acme\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"string\"}" + extraField + "]}";
    }
}
