package dev.eventcontracts.server.internal.store.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.server.internal.store.ConfluentFixture;
import dev.eventcontracts.server.internal.store.ConfluentFixture.FixtureRecord;
import dev.eventcontracts.server.internal.store.e2e.RestCalls.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Our registry, started on a store topic holding exactly the bytes a real Confluent Schema Registry 8.3.1 wrote
 * ({@code confluent-8.3.1/_schemas.jsonl}), answers exactly what Confluent answered for that state
 * ({@code rest-state.json}; {@code ts} is ignored: it is the time of Confluent's writes).
 */
@KafkaIntegrationTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfluentTopicReplayIT {

    private final KafkaCluster kafka;
    private final JsonNode expected = ConfluentFixture.restState();
    private RegistryProcess registry;

    ConfluentTopicReplayIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @BeforeAll
    void startRegistryOnConfluentsTopic() throws Exception {
        String topic = "_schemas-confluent-" + UUID.randomUUID();
        kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (FixtureRecord r : ConfluentFixture.schemasTopic()) {
                producer.send(new ProducerRecord<>(topic, 0, r.key(), r.value()))
                        .get();
            }
        }
        registry = RegistryProcess.launch(
                        "confluent-replay",
                        Map.of(
                                "kafkastore.bootstrap.servers",
                                kafka.bootstrapServers(),
                                "kafkastore.topic",
                                topic,
                                "schema.registry.group.id",
                                "confluent-replay-" + UUID.randomUUID()))
                .awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void subjects_withAndWithoutDeleted_asConfluent() {
        SoftAssertions soft = new SoftAssertions();
        expectJson(soft, "/subjects?deleted=true", expected.get("subjects"));
        expectJson(soft, "/subjects", expected.get("subjects_live"));
        soft.assertAll();
    }

    @Test
    void everySubjectsVersionsEntriesConfigAndMode_asConfluent() {
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, JsonNode> subject : expected.get("versions").properties()) {
            String path = "/subjects/" + RestCalls.encode(subject.getKey());
            JsonNode state = subject.getValue();
            expectJson(soft, path + "/versions?deleted=true", state.get("all"));
            expectJson(soft, path + "/versions", state.get("live"));
            for (Map.Entry<String, JsonNode> entry : state.get("entries").properties()) {
                expectJson(soft, path + "/versions/" + entry.getKey() + "?deleted=true", entry.getValue());
            }
            expectJson(soft, "/config/" + RestCalls.encode(subject.getKey()), state.get("config"));
            expectJson(soft, "/mode/" + RestCalls.encode(subject.getKey()), state.get("mode"));
        }
        soft.assertAll();
    }

    @Test
    void everySchemaIdAndItsVersions_asConfluent() {
        SoftAssertions soft = new SoftAssertions();
        expected.get("schemas_by_id")
                .properties()
                .forEach(e -> expectJson(soft, "/schemas/ids/" + e.getKey(), e.getValue()));
        // the fixture lists the soft-deleted versions of ids 7 and 9: Confluent answers them with deleted=true only
        expected.get("ids_versions")
                .properties()
                .forEach(e -> expectJson(soft, "/schemas/ids/" + e.getKey() + "/versions?deleted=true", e.getValue()));
        expectJson(
                soft,
                "/schemas/ids/10",
                RestCalls.JSON.createObjectNode().put("error_code", 40403).put("message", "Schema 10 not found"));
        soft.assertAll();
    }

    @Test
    void globalConfigAndMode_asConfluent() {
        SoftAssertions soft = new SoftAssertions();
        expectJson(soft, "/config", expected.get("global_config"));
        expectJson(soft, "/mode", expected.get("global_mode"));
        soft.assertAll();
    }

    @Test
    @Order(Integer.MAX_VALUE) // the only test that writes: it runs after those reading Confluent's state
    void nextRegistration_continuesAfterConfluentsHighestId() {
        Reply reply = RestCalls.register(
                registry.url(),
                "after-replay-value",
                "{\"type\":\"record\",\"name\":\"AfterReplay\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        assertThat(reply.body().get("id").asInt()).isEqualTo(14);
    }

    /** The status Confluent answers with a body: 200, or the error code's first three digits. */
    private void expectJson(SoftAssertions soft, String path, JsonNode expectedBody) {
        Reply reply = RestCalls.get(registry.url() + path);
        int expectedStatus =
                expectedBody.has("error_code") ? expectedBody.get("error_code").asInt() / 100 : 200;
        soft.assertThat(reply.status())
                .as("status of GET %s (body %s)", path, reply.body())
                .isEqualTo(expectedStatus);
        soft.assertThat(withoutTimestamps(reply.body())).as("GET %s", path).isEqualTo(withoutTimestamps(expectedBody));
    }

    private static JsonNode withoutTimestamps(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("ts");
        }
        return copy;
    }
}
