package dev.eventcontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RegistryProvider;
import dev.eventcontracts.devstack.RunningKafka;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.orders.OrderCreated;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The serde's Confluent credential settings against our registry server with HTTP basic authentication: a
 * writer and a read-only user; wrong credentials and missing rights give the serde's authentication and
 * authorization errors.
 */
@KafkaIntegrationTest
class RegistryAuthIT {

    private static RunningRegistry server;

    @BeforeAll
    static void startSecuredRegistry(RunningKafka kafka) {
        RegistryProvider provider =
                ServiceLoader.load(RegistryProvider.class).findFirst().orElseThrow();
        server = provider.start(
                kafka.bootstrapServers(),
                Map.of(
                        "authentication.method",
                        "BASIC",
                        "authentication.users",
                        "writer:w-secret:read-write;reader:r-secret:read-only"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Map<String, Object> as(String userInfo) {
        return Map.of(
                "schema.registry.url",
                server.url(),
                "basic.auth.credentials.source",
                "USER_INFO",
                "basic.auth.user.info",
                userInfo,
                "specific.avro.reader",
                true,
                "max.retries",
                0);
    }

    @Test
    void userInfoCredentials_writerSerializesAndReaderDeserializes() {
        OrderCreated order = Orders.created("o-1");
        try (AvroSerializer serializer = new AvroSerializer();
                AvroDeserializer deserializer = new AvroDeserializer()) {
            serializer.configure(as("writer:w-secret"), false);
            deserializer.configure(as("reader:r-secret"), false);

            assertThat(deserializer.deserialize("secured", serializer.serialize("secured", order)))
                    .isEqualTo(order);
        }
    }

    @Test
    void wrongPassword_failsWithAuthenticationError() {
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(as("writer:wrong"), false);

            assertThatThrownBy(() -> serializer.serialize("secured", Orders.created("o-1")))
                    .isInstanceOf(SchemaRegistryAuthenticationException.class)
                    .hasMessageContaining("Schema registry authentication failed (HTTP 401) while registering")
                    .hasMessageContaining("topic 'secured', subject 'secured-value'")
                    .hasMessageNotContaining("wrong");
        }
    }

    @Test
    void readOnlyUserRegistering_failsWithAuthorizationError() {
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(as("reader:r-secret"), false);

            assertThatThrownBy(() -> serializer.serialize("secured-readonly", Orders.created("o-1")))
                    .isInstanceOf(SchemaRegistryAuthorizationException.class)
                    .hasMessageContaining("Schema registry authorization failed (HTTP 403)")
                    .hasMessageContaining("subject 'secured-readonly-value'");
        }
    }
}
