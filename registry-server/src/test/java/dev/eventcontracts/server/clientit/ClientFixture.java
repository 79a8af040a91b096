package dev.eventcontracts.server.clientit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.server.RegistryServer;
import dev.eventcontracts.server.RegistryServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Clients, servers and assertions shared by the client-against-server integration tests. */
final class ClientFixture {

    /** One sample of the server's per-endpoint request timer in the Prometheus text format (labels hold braces). */
    private static final Pattern REQUESTS =
            Pattern.compile("^registry_http_requests_seconds_count\\{(.*)} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

    private static final HttpClient SCRAPER =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClientFixture() {}

    /** The properties a Confluent serde would be given for this registry: only the URL, short timeouts. */
    static Map<String, Object> confluentProperties(String url) {
        Map<String, Object> props = new HashMap<>();
        props.put("schema.registry.url", url);
        props.put("http.read.timeout.ms", "20000");
        props.put("http.connect.timeout.ms", "5000");
        return props;
    }

    /** A REST client configured from Confluent-named properties. */
    static SchemaRegistryClient restClient(Map<String, ?> confluentProperties) {
        return SchemaRegistries.restClient(RegistryClientConfig.fromConfluentProperties(confluentProperties));
    }

    /** A REST client for a registry without authentication. */
    static SchemaRegistryClient restClient(String url) {
        return restClient(confluentProperties(url));
    }

    /**
     * Runs a call that must fail with a {@link RegistryException} of the given kind, HTTP status and Confluent
     * error code, and returns the exception.
     */
    static RegistryException registryError(
            ThrowingCallable call, RegistryException.Kind kind, int status, int errorCode) {
        RegistryException e = catchThrowableOfType(RegistryException.class, call);
        assertThat(e).as("the call must fail with a RegistryException").isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(errorCode);
        return e;
    }

    /** Starts a registry in this JVM on a random loopback port, on a fresh store topic of the given broker. */
    static RegistryServer startServer(String bootstrapServers, Map<String, ?> extra) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new HashMap<>();
        props.put(RegistryServerConfig.LISTENERS, "http://127.0.0.1:0");
        props.put(RegistryServerConfig.HOST_NAME, "127.0.0.1");
        props.put("kafkastore.bootstrap.servers", bootstrapServers);
        props.put("kafkastore.topic", "_schemas-clientit-" + id);
        props.put("kafkastore.topic.replication.factor", "1");
        props.put("schema.registry.group.id", "clientit-" + id);
        props.putAll(extra);
        return RegistryServer.start(RegistryServerConfig.of(props));
    }

    /**
     * Reads the number of requests a registry has served on one endpoint, all statuses together, from its
     * Prometheus endpoint {@code /metrics} (timer {@code registry_http_requests_seconds}, tagged by method and
     * route template).
     *
     * @param baseUrl the registry's URL
     * @param method e.g. {@code GET}
     * @param endpoint the route template, e.g. {@code /schemas/ids/{id}}
     */
    static long requestsServed(String baseUrl, String method, String endpoint) {
        String text = scrape(baseUrl);
        long total = 0;
        Matcher m = REQUESTS.matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("method=\"" + method + "\"") && labels.contains("endpoint=\"" + endpoint + "\"")) {
                total += (long) Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static String scrape(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = SCRAPER.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /metrics").isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
