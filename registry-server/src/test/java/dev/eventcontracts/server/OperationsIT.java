package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Liveness, readiness, Prometheus metrics and graceful shutdown. */
@Tag("integration")
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class OperationsIT {

    @Test
    void health_liveAndReady_answerUp() {
        try (RegistryServer server = TestServers.inMemory(Map.of())) {
            Rest rest = new Rest(server.url());

            assertThat(rest.get("/health/live").text()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(rest.get("/health/ready").text()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void metrics_countRequestsPerEndpointAndExposeSchemaCountAndStoreLag() {
        try (RegistryServer server = TestServers.inMemory(Map.of())) {
            Rest rest = new Rest(server.url());
            int id = rest.register(subject(), "\"int\"").json().get("id").asInt();
            rest.get("/schemas/ids/" + id);
            rest.get("/schemas/ids/" + id);

            String metrics = rest.get("/metrics").text();

            assertThat(metrics)
                    .contains("registry_http_requests_seconds_count{endpoint=\"/schemas/ids/{id}\","
                            + "method=\"GET\",status=\"200\"} 2");
            assertThat(metrics).contains("registry_http_requests_seconds_bucket{endpoint=\"/schemas/ids/{id}\"");
            assertThat(metrics).contains("registry_schemas 1.0", "registry_store_lag 0.0");
        }
    }

    @Test
    void close_letsInFlightRequestsFinishThenStopsListening() {
        LogHub hub = new LogHub();
        RegistryServer server = RegistryServer.start(
                RegistryServerConfig.of(Map.of(
                        RegistryServerConfig.LISTENERS, "http://127.0.0.1:0",
                        RegistryServerConfig.SHUTDOWN_GRACEFUL_MS, "5000")),
                url -> hub.writer());
        Rest rest = new Rest(server.url());
        hub.behave(LogHub.Behaviour.SLOW);
        CompletableFuture<Rest.Answer> inFlight =
                CompletableFuture.supplyAsync(() -> rest.register(subject(), "\"int\""));
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.appends() == 1);

        server.close();

        assertThat(inFlight.join().status()).isEqualTo(200);
        assertThatThrownBy(() -> rest.get("/")).isInstanceOf(UncheckedIOException.class);
    }
}
