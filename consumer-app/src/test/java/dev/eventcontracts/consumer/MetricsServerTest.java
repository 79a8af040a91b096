package dev.eventcontracts.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.consumer.internal.LagMonitor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    @Test
    void metrics_servesThePrometheusTextFormat() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder(LagMonitor.METER, () -> 42)
                .tag("topic", "order-events")
                .tag("partition", "3")
                .tag("group", "g")
                .register(registry);
        try (MetricsServer server = MetricsServer.start(registry, 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("consumer_partition_lag{group=\"g\",partition=\"3\",topic=\"order-events\"} 42.0");
        }
    }
}
