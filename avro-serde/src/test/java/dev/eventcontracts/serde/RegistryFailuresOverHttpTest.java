package dev.eventcontracts.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The serde with its real REST client against a stub HTTP endpoint on loopback that answers 401 or 403 the way
 * a Confluent registry does, and against a closed port: what a user sees for each.
 */
class RegistryFailuresOverHttpTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String answering(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static AvroSerializer serializer(String url) {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(
                Map.of(
                        "schema.registry.url",
                        url,
                        "max.retries",
                        1,
                        "retries.wait.ms",
                        10,
                        "basic.auth.credentials.source",
                        "USER_INFO",
                        "basic.auth.user.info",
                        "app:wrong"),
                false);
        return serializer;
    }

    @Test
    void serialize_registryAnswers401_throwsAuthenticationErrorNamingSubject() throws IOException {
        String url = answering(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

        try (AvroSerializer serializer = serializer(url)) {
            assertThatThrownBy(() -> serializer.serialize("order-events", Orders.created("o-1")))
                    .isInstanceOf(SchemaRegistryAuthenticationException.class)
                    .hasMessageContaining("Schema registry authentication failed (HTTP 401)")
                    .hasMessageContaining("topic 'order-events', subject 'order-events-value'")
                    .hasMessageNotContaining("wrong");
        }
    }

    @Test
    void deserialize_registryAnswers403_throwsAuthorizationErrorNamingId() throws IOException {
        String url = answering(403, "{\"error_code\":40301,\"message\":\"User cannot access the resource.\"}");
        try (AvroDeserializer deserializer = new AvroDeserializer()) {
            deserializer.configure(Map.of("schema.registry.url", url, "max.retries", 1), false);

            assertThatThrownBy(() -> deserializer.deserialize("order-events", Orders.wire(7, new byte[] {2})))
                    .isInstanceOf(SchemaRegistryAuthorizationException.class)
                    .hasMessageContaining("Schema registry authorization failed (HTTP 403)")
                    .hasMessageContaining("schema id 7")
                    .hasMessageContaining("User cannot access the resource.");
        }
    }

    @Test
    void serialize_registryPortClosed_throwsUnreachableAfterRetries() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (AvroSerializer serializer = serializer("http://127.0.0.1:" + port)) {
            assertThatThrownBy(() -> serializer.serialize("order-events", Orders.created("o-1")))
                    .isExactlyInstanceOf(SerializationException.class)
                    .hasMessageContaining("Schema registry unreachable after retries while registering the schema")
                    .hasMessageContaining("topic 'order-events', subject 'order-events-value', schema id (not known)");
        }
    }
}
