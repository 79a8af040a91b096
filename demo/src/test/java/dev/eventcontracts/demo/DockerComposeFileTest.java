package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * There is no Docker here, so {@code docker-compose.registry.yml} is checked by reading it: three KRaft brokers
 * that form one cluster able to hold the contract's topics (replication, {@code min.insync.replicas}), reachable
 * from the host on distinct ports, and Confluent Schema Registry storing its schemas in that cluster; and the
 * addresses {@code docs/docker.md} tells users to pass are the ones the file publishes.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");

    private static JsonNode compose() throws IOException {
        return new YAMLMapper()
                .readTree(ROOT.resolve("docker-compose.registry.yml").toFile());
    }

    private static JsonNode env(JsonNode compose, String service) {
        return compose.path("services").path(service).path("environment");
    }

    @Test
    void services_areThreeKafkaBrokersAndConfluentSchemaRegistry_onOneImageVersion() throws IOException {
        JsonNode services = compose().path("services");

        assertThat(iterable(services.fieldNames()))
                .containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3", "schema-registry");
        Set<String> tags = new HashSet<>();
        for (String broker : BROKERS) {
            String image = services.path(broker).path("image").asText();
            assertThat(image).startsWith("confluentinc/cp-kafka:");
            tags.add(image.substring(image.indexOf(':') + 1));
        }
        String registryImage = services.path("schema-registry").path("image").asText();
        assertThat(registryImage).startsWith("confluentinc/cp-schema-registry:");
        tags.add(registryImage.substring(registryImage.indexOf(':') + 1));
        assertThat(tags).hasSize(1);
    }

    @Test
    void brokers_formOneKraftQuorumOfCombinedNodes() throws IOException {
        JsonNode compose = compose();
        Set<String> clusterIds = new HashSet<>();
        Set<String> voters = new HashSet<>();
        List<String> expectedVoters = new ArrayList<>();
        for (String broker : BROKERS) {
            JsonNode env = env(compose, broker);
            int nodeId = env.path("KAFKA_NODE_ID").asInt();
            assertThat(Set.of(env.path("KAFKA_PROCESS_ROLES").asText().split(",")))
                    .containsOnly("broker", "controller");
            clusterIds.add(env.path("CLUSTER_ID").asText());
            voters.add(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
            expectedVoters.add(nodeId + "@"
                    + compose.path("services").path(broker).path("hostname").asText() + ":"
                    + port(env.path("KAFKA_LISTENERS").asText(), "CONTROLLER"));
        }
        assertThat(clusterIds).singleElement().asString().hasSize(22);
        assertThat(voters).singleElement().asString().isEqualTo(String.join(",", expectedVoters));
        assertThat(BROKERS.stream()
                        .map(b -> env(compose, b).path("KAFKA_NODE_ID").asInt())
                        .distinct())
                .hasSize(3);
    }

    @Test
    void brokers_replicateAsTheTopicContractRequires() throws IOException {
        JsonNode compose = compose();
        for (String broker : BROKERS) {
            JsonNode env = env(compose, broker);
            assertThat(env.path("KAFKA_DEFAULT_REPLICATION_FACTOR").asInt())
                    .isEqualTo(StackFixture.TOPIC.replicationFactor());
            assertThat(env.path("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(StackFixture.TOPIC.minInsyncReplicas());
            assertThat(env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asInt())
                    .isEqualTo(3);
            assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")
                            .asInt())
                    .isEqualTo(3);
            assertThat(env.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        }
        assertThat(BROKERS).hasSizeGreaterThanOrEqualTo(StackFixture.TOPIC.replicationFactor());
    }

    @Test
    void brokers_advertiseToTheHostExactlyThePortsTheyPublish() throws IOException {
        JsonNode compose = compose();
        Set<String> hostPorts = new HashSet<>();
        for (String broker : BROKERS) {
            JsonNode env = env(compose, broker);
            String external = port(env.path("KAFKA_LISTENERS").asText(), "EXTERNAL");
            assertThat(env.path("KAFKA_ADVERTISED_LISTENERS").asText())
                    .contains("EXTERNAL://localhost:" + external)
                    .contains("INTERNAL://" + broker + ":"
                            + port(env.path("KAFKA_LISTENERS").asText(), "INTERNAL"));
            assertThat(published(compose, broker)).containsExactly(external + ":" + external);
            hostPorts.add(external);
            assertThat(env.path("KAFKA_INTER_BROKER_LISTENER_NAME").asText()).isEqualTo("INTERNAL");
            assertThat(env.path("KAFKA_CONTROLLER_LISTENER_NAMES").asText()).isEqualTo("CONTROLLER");
        }
        assertThat(hostPorts).hasSize(3);
    }

    @Test
    void schemaRegistry_storesItsSchemasInAllThreeBrokersWithReplicationThree() throws IOException {
        JsonNode compose = compose();
        JsonNode registry = compose.path("services").path("schema-registry");
        JsonNode env = registry.path("environment");

        assertThat(published(compose, "schema-registry")).containsExactly("8081:8081");
        assertThat(env.path("SCHEMA_REGISTRY_LISTENERS").asText()).isEqualTo("http://0.0.0.0:8081");
        assertThat(env.path("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR")
                        .asInt())
                .isEqualTo(3);
        assertThat(env.path("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")
                        .asText()
                        .split(","))
                .containsExactlyElementsOf(BROKERS.stream()
                        .map(b -> "PLAINTEXT://" + b + ":"
                                + port(env(compose, b).path("KAFKA_LISTENERS").asText(), "INTERNAL"))
                        .toList());
        for (String broker : BROKERS) {
            assertThat(registry.path("depends_on")
                            .path(broker)
                            .path("condition")
                            .asText())
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void docs_giveTheAddressesTheFilePublishes() throws IOException {
        JsonNode compose = compose();
        String bootstrap = BROKERS.stream()
                .map(b -> "localhost:"
                        + port(env(compose, b).path("KAFKA_LISTENERS").asText(), "EXTERNAL"))
                .collect(Collectors.joining(","));
        String docs = Files.readString(ROOT.resolve("docs/docker.md"));

        assertThat(docs)
                .contains(
                        "--bootstrap-servers " + bootstrap,
                        "--schema-registry-url http://localhost:8081",
                        "docker compose -f docker-compose.registry.yml up");
    }

    private static String port(String listeners, String name) {
        return Arrays.stream(listeners.split(","))
                .filter(l -> l.startsWith(name + "://"))
                .findFirst()
                .map(l -> l.substring(l.lastIndexOf(':') + 1))
                .orElseThrow(() -> new AssertionError("no " + name + " listener in " + listeners));
    }

    private static List<String> published(JsonNode compose, String service) {
        List<String> ports = new ArrayList<>();
        compose.path("services").path(service).path("ports").forEach(p -> ports.add(p.asText()));
        return ports;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
