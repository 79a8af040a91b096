package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.eventcontracts.consumer.ConsumerSettings;
import dev.eventcontracts.consumer.MetricsServer;
import dev.eventcontracts.consumer.OrderProcessingService;
import dev.eventcontracts.consumer.OrderProcessingServices;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus alerting rules shipped with the service use only metrics that a running service exposes on
 * {@code /metrics}: a renamed meter would otherwise leave an alert that can never fire.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(120)
class AlertRulesIT {

    static final String RULES = "prometheus/order-processing-alerts.yml";

    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    @Test
    void everyMetricARuleUses_isExposedByARunningService(
            @BootstrapServers String kafka, RunningRegistry registry, @TempDir Path dir) throws Exception {
        Map<String, Set<String>> metricsPerAlert = metricsPerAlert();
        StackFixture stack = new StackFixture(kafka, registry.url());
        stack.produce(1, 20);
        ConsumerSettings settings = stack.consumer(dir, "alerts");
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        try (OrderProcessingService service = OrderProcessingServices.start(settings, meters);
                MetricsServer server = MetricsServer.start(meters, 0)) {
            URI metrics = URI.create("http://localhost:" + server.port() + "/metrics");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<String> exposed = exposedMetrics(scrape(metrics));
                metricsPerAlert.forEach((alert, used) ->
                        assertThat(exposed).as("metrics of alert " + alert).containsAll(used));
            });
        }

        assertThat(metricsPerAlert.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .as("the rules were read: each of the four signals has a rule")
                .contains(
                        "consumer_partition_lag",
                        "order_events_handled_total",
                        "order_processing_retries_total",
                        "order_processing_assigned_partitions");
    }

    /** Every alert of the shipped rules file and the metric names its expression uses. */
    private static Map<String, Set<String>> metricsPerAlert() throws IOException {
        try (InputStream in = OrderProcessingService.class.getClassLoader().getResourceAsStream(RULES)) {
            assertThat(in).as(RULES + " on the service's class path").isNotNull();
            JsonNode rules = new YAMLMapper().readTree(in);
            Map<String, Set<String>> result = new LinkedHashMap<>();
            for (JsonNode group : rules.path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    result.put(
                            rule.path("alert").asText(),
                            metricNames(rule.path("expr").asText()));
                }
            }
            assertThat(result).isNotEmpty();
            return result;
        }
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> metricNames(String expr) {
        String bare = GROUPING.matcher(
                        RANGES.matcher(LABELS.matcher(expr).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static String scrape(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The metric names of samples in the Prometheus text format. */
    private static Set<String> exposedMetrics(String body) {
        return Arrays.stream(body.split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
