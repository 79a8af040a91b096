package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * dev-stack's {@code @WithKafka(registry = true)} finds this registry through the {@code RegistryProvider} service
 * entry of this module and starts it against the shared broker, as other modules' tests use it.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
class DevStackProviderIT {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withKafkaRegistry_startsThisRegistryOnTheBroker(RunningRegistry registry) throws Exception {
        HttpResponse<String> registered = http.send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/dev-stack-value/versions"))
                        .header("Content-Type", CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(get(registry, "/subjects/dev-stack-value/versions/latest")
                        .get("id")
                        .asInt())
                .isEqualTo(JSON.readTree(registered.body()).get("id").asInt());
        assertThat(get(registry, "/v1/metadata/id")
                        .at("/scope/clusters/kafka-cluster")
                        .asText())
                .isNotBlank();
    }

    private JsonNode get(RunningRegistry registry, String path) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(registry.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
