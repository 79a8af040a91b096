package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.eventcontracts.client.FakeRegistry.Reply;
import dev.eventcontracts.client.RegistryException.Kind;
import dev.eventcontracts.client.internal.HttpRegistryClient;
import dev.eventcontracts.client.internal.HttpTransport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries with backoff for idempotent calls on 5xx and I/O errors only, request timeouts and URL failover. */
class RetryAndFailoverTest {

    private static final String LATEST = "/subjects/s/versions/latest";
    private static final String VERSION = "{\"subject\":\"s\",\"version\":4,\"id\":9,\"schema\":\"\\\"long\\\"\"}";
    private static final RegisterSchemaRequest LONG = RegisterSchemaRequest.of("\"long\"", null, null);

    private final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private FakeRegistry first;
    private FakeRegistry second;

    @BeforeEach
    void start() throws IOException {
        first = FakeRegistry.http();
        second = FakeRegistry.http();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private SchemaRegistryClient client(String urls, int maxRetries, Duration requestTimeout) {
        RegistryClientConfig config = RegistryClientConfig.builder()
                .urls(urls)
                .maxRetries(maxRetries)
                .retryBackoff(Duration.ofMillis(100), Duration.ofMillis(250))
                .requestTimeout(requestTimeout)
                .build();
        return new HttpRegistryClient(new HttpTransport(config, sleeps::add));
    }

    private SchemaRegistryClient client(String urls, int maxRetries) {
        return client(urls, maxRetries, Duration.ofSeconds(10));
    }

    private static String refusingUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void read_after500Twice_isRetriedWithGrowingBackoff_andSucceeds() {
        first.on(
                "GET",
                LATEST,
                Reply.error(500, 50001, "store error"),
                Reply.error(503, 50003, "forwarding"),
                Reply.ok(VERSION));
        try (SchemaRegistryClient client = client(first.url(), 3)) {
            assertThat(client.latestVersion("s").id()).isEqualTo(9);
        }
        assertThat(first.count("GET", LATEST)).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(50L, 100L);
        assertThat(sleeps.get(1)).isBetween(100L, 200L);
    }

    @Test
    void read_failingEveryTime_triesOncePlusMaxRetries_andThrowsLastAnswer() {
        first.on("GET", LATEST, Reply.error(503, 50003, "Error while forwarding the request"));
        try (SchemaRegistryClient client = client(first.url(), 2)) {
            assertThatThrownBy(() -> client.latestVersion("s"))
                    .asInstanceOf(type(RegistryException.class))
                    .satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.errorCode()).isEqualTo(50003);
                    });
        }
        assertThat(first.count("GET", LATEST)).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(1)).isBetween(100L, 200L);
    }

    @Test
    void read_with4xx_isNeverRetried() {
        first.on("GET", LATEST, Reply.error(404, 40401, "Subject 's' not found."));
        try (SchemaRegistryClient client = client(first.url(), 3)) {
            assertThatThrownBy(() -> client.latestVersion("s")).isInstanceOf(RegistryException.class);
        }
        assertThat(first.count("GET", LATEST)).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void lookupAndCompatibilityPosts_areReadOnly_soRetriedOn5xx() {
        first.on("POST", "/subjects/s", Reply.error(500, 50001, "x"), Reply.ok(VERSION));
        first.on(
                "POST",
                "/compatibility/subjects/s/versions",
                Reply.error(502, 0, "x"),
                Reply.ok("{\"is_compatible\":true}"));
        try (SchemaRegistryClient client = client(first.url(), 1)) {
            assertThat(client.lookup("s", LONG, false, false).version()).isEqualTo(4);
            assertThat(client.testCompatibilityAll("s", LONG, false, false).isCompatible())
                    .isTrue();
        }
        assertThat(first.count("POST", "/subjects/s")).isEqualTo(2);
        assertThat(first.count("POST", "/compatibility/subjects/s/versions")).isEqualTo(2);
    }

    @Test
    void register_after500_isNotRetried_becauseTheRegistryMayHaveAppliedIt() {
        first.on(
                "POST",
                "/subjects/s/versions",
                Reply.error(500, 50002, "Register operation timed out"),
                Reply.ok("{\"id\":9}"));
        try (SchemaRegistryClient client = client(first.url(), 3)) {
            assertThatThrownBy(() -> client.register("s", LONG, false))
                    .asInstanceOf(type(RegistryException.class))
                    .satisfies(e -> assertThat(e.errorCode()).isEqualTo(50002));
        }
        assertThat(first.count("POST", "/subjects/s/versions")).isEqualTo(1);
    }

    @Test
    void deletesAndConfigUpdates_after5xx_areNotRetried() {
        first.on("DELETE", "/subjects/s", Reply.error(500, 50001, "x"));
        first.on("PUT", "/config/s", Reply.error(500, 50001, "x"));
        try (SchemaRegistryClient client = client(first.url(), 3)) {
            assertThatThrownBy(() -> client.deleteSubject("s", false)).isInstanceOf(RegistryException.class);
            assertThatThrownBy(() -> client.updateSubjectConfig("s", CompatibilityUpdate.of("FULL")))
                    .isInstanceOf(RegistryException.class);
        }
        assertThat(first.requests()).hasSize(2);
    }

    @Test
    void read_withoutAnswerInTime_timesOut_andIsRetried() {
        first.on("GET", LATEST, Reply.hang());
        try (SchemaRegistryClient client = client(first.url(), 1, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.latestVersion("s"))
                    .asInstanceOf(type(RegistryException.class))
                    .satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                        assertThat(e.status()).isZero();
                        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
                    });
        }
        assertThat(first.count("GET", LATEST)).isEqualTo(2);
    }

    @Test
    void register_withoutAnswerInTime_isNotRetried() {
        first.on("POST", "/subjects/s/versions", Reply.hang());
        try (SchemaRegistryClient client = client(first.url(), 3, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.register("s", LONG, false))
                    .asInstanceOf(type(RegistryException.class))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        }
        assertThat(first.count("POST", "/subjects/s/versions")).isEqualTo(1);
    }

    @Test
    void connectionRefusedOnFirstUrl_failsOverToSecond_withoutBackoff_andStaysThere() throws IOException {
        second.on("GET", LATEST, Reply.ok(VERSION));
        try (SchemaRegistryClient client = client(refusingUrl() + "," + second.url(), 0)) {
            assertThat(client.latestVersion("s").id()).isEqualTo(9);
            assertThat(client.latestVersion("s").id()).isEqualTo(9);
        }
        assertThat(second.count("GET", LATEST)).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void register_connectionRefusedOnFirstUrl_failsOverToSecond_becauseNothingWasSent() throws IOException {
        second.on("POST", "/subjects/s/versions", Reply.ok("{\"id\":9}"));
        try (SchemaRegistryClient client = client(refusingUrl() + "," + second.url(), 0)) {
            assertThat(client.register("s", LONG, false).id()).isEqualTo(9);
        }
        assertThat(second.count("POST", "/subjects/s/versions")).isEqualTo(1);
    }

    @Test
    void read_5xxOnFirstUrl_failsOverToSecond() {
        first.on("GET", LATEST, Reply.error(503, 50004, "Unknown leader"));
        second.on("GET", LATEST, Reply.ok(VERSION));
        try (SchemaRegistryClient client = client(first.url() + "," + second.url(), 0)) {
            assertThat(client.latestVersion("s").id()).isEqualTo(9);
        }
        assertThat(first.count("GET", LATEST)).isEqualTo(1);
        assertThat(second.count("GET", LATEST)).isEqualTo(1);
    }

    @Test
    void register_5xxOnFirstUrl_isNotSentToSecond() {
        first.on("POST", "/subjects/s/versions", Reply.error(503, 50003, "forwarding"));
        second.on("POST", "/subjects/s/versions", Reply.ok("{\"id\":9}"));
        try (SchemaRegistryClient client = client(first.url() + "," + second.url(), 3)) {
            assertThatThrownBy(() -> client.register("s", LONG, false)).isInstanceOf(RegistryException.class);
        }
        assertThat(second.requests()).isEmpty();
    }

    @Test
    void everyUrlRefusing_throwsUnavailableWithoutStatus() throws IOException {
        try (SchemaRegistryClient client = client(refusingUrl() + "," + refusingUrl(), 1)) {
            assertThatThrownBy(client::subjects)
                    .asInstanceOf(type(RegistryException.class))
                    .satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                        assertThat(e.status()).isZero();
                        assertThat(e.getMessage()).contains("No answer from schema registry", "GET http://127.0.0.1:");
                    });
        }
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void closedClient_refusesCalls() {
        SchemaRegistryClient client = client(first.url(), 0);
        client.close();
        assertThatThrownBy(client::subjects).isInstanceOf(IllegalStateException.class);
        assertThat(first.requests()).isEmpty();
    }
}
