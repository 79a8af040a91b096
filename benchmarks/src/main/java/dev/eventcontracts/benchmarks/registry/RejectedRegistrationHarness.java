package dev.eventcontracts.benchmarks.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventcontracts.benchmarks.compat.SchemaHistory;
import dev.eventcontracts.devstack.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * What a refused registration costs: one subject at {@code FULL_TRANSITIVE} holding 100 versions of a 50-field
 * record ({@link SchemaHistory}), then 20 registrations of a breaking change (HTTP 409) per scenario, timed over
 * HTTP from request to the last byte of the answer; the table gives median, 90th percentile and maximum.
 *
 * <p>Scenarios: the same breaking request 20 times (what a producer with {@code auto.register.schemas=true} sends
 * in a crash loop), 20 different breaking requests (nothing can be remembered), each without and with
 * {@code verbose=true}. The baseline, measured in the same run: re-registering the latest version, which answers
 * 200 without a write: the same request size, HTTP and parsing, no check.
 *
 * <p>The registry runs in its own JVM ({@code -Xmx512M}, the executable jar's INFO logging to
 * {@code target/registry-harness/rejected.log}) on a one-broker Kafka in this JVM.
 *
 * <p>Run:
 * <pre>
 * mvn -q -pl benchmarks -am install -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.registry.RejectedRegistrationHarness
 * </pre>
 */
public final class RejectedRegistrationHarness {

    private static final int VERSIONS = 100;
    private static final int ROUNDS = 20;
    private static final String SUBJECT = "bench-value";

    private RejectedRegistrationHarness() {}

    /**
     * Runs the scenarios and prints the table on standard output.
     *
     * @param args unused
     * @throws Exception when the broker or the registry fails
     */
    public static void main(String[] args) throws Exception {
        try (KafkaCluster kafka = KafkaCluster.builder().start();
                RegistryChild registry = RegistryChild.launch(
                        "rejected",
                        Map.of(
                                "kafkastore.bootstrap.servers",
                                kafka.bootstrapServers(),
                                "kafkastore.topic.replication.factor",
                                "1"),
                        List.of("-Xmx512M"))) {
            registry.awaitReady(Duration.ofMinutes(2));
            RegistryHttp http = new RegistryHttp(registry.url());
            require(http.put(
                    "/config/" + SUBJECT,
                    RegistryHttp.JSON.createObjectNode().put("compatibility", "FULL_TRANSITIVE")));
            for (int v = 1; v <= VERSIONS; v++) {
                require(http.post(path(false), RegistryHttp.schemaBody(SchemaHistory.text(v, false))));
            }
            String latest = SchemaHistory.text(VERSIONS, false);
            String breaking = SchemaHistory.text(VERSIONS + 1, true);
            List<Scenario> scenarios = List.of(
                    new Scenario("baseline: re-register the latest (200)", false, i -> latest),
                    new Scenario("409, same request", false, i -> breaking),
                    new Scenario("409, a different request each time", false, i -> SchemaHistory.text(1_000 + i, true)),
                    new Scenario("409 verbose, same request", true, i -> breaking),
                    new Scenario(
                            "409 verbose, a different request each time",
                            true,
                            i -> SchemaHistory.text(2_000 + i, true)));
            for (Scenario s : scenarios) {
                s.run(http, ROUNDS, 10_000); // warm-up, with requests the measured rounds do not repeat
            }
            StringBuilder table = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%-44s %9s %9s %9s  %s%n",
                    "scenario (" + ROUNDS + " requests each)",
                    "median ms",
                    "p90 ms",
                    "max ms",
                    "answer"));
            for (Scenario s : scenarios) {
                table.append(s.run(http, ROUNDS, 0));
            }
            System.out.print(table); // the harness's result: its only standard output
        }
    }

    private static String path(boolean verbose) {
        return "/subjects/" + SUBJECT + "/versions" + (verbose ? "?verbose=true" : "");
    }

    private static void require(RegistryHttp.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("setting up failed: " + answer.status() + " " + answer.body());
        }
    }

    /** One scenario: the request for round {@code i}, verbose or not. */
    private record Scenario(String name, boolean verbose, IntFunction<String> schema) {

        String run(RegistryHttp http, int rounds, int offset) {
            double[] millis = new double[rounds];
            RegistryHttp.Answer last = null;
            for (int i = 0; i < rounds; i++) {
                last = http.post(path(verbose), RegistryHttp.schemaBody(schema.apply(offset + i)));
                millis[i] = last.millis();
            }
            Arrays.sort(millis);
            return String.format(
                    Locale.ROOT,
                    "%-44s %9.2f %9.2f %9.2f  %s%n",
                    name,
                    millis[rounds / 2],
                    millis[(int) Math.ceil(rounds * 0.9) - 1],
                    millis[rounds - 1],
                    describe(last));
        }

        private static String describe(RegistryHttp.Answer answer) {
            JsonNode body = answer.json();
            if (answer.status() == 200) {
                return "200, version " + body.path("version").asInt();
            }
            JsonNode violations = body.path("violations");
            TreeSet<String> fields = new TreeSet<>();
            TreeSet<Integer> versions = new TreeSet<>();
            for (JsonNode v : violations) {
                fields.add(v.path("field").asText());
                versions.add(v.path("oldVersion").asInt());
            }
            List<String> parts = new ArrayList<>();
            parts.add(answer.status() + " " + body.path("error_code").asInt());
            parts.add(violations.size() + " violations");
            parts.add("fields " + fields);
            parts.add("against " + versions.size() + " version(s)");
            parts.add("message " + body.path("message").asText().length() + " chars");
            return String.join(", ", parts);
        }
    }
}
