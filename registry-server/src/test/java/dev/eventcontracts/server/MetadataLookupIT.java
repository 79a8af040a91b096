package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.server.internal.store.RecordCodec;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /subjects/{s}/metadata?key=…&value=…} against versions whose {@code metadata} a Confluent registry
 * wrote: the store topic holds SCHEMA records in Confluent's format with {@code metadata.properties}, written before
 * the registry starts, so it replays them. The answer is the highest matching version, as Confluent's
 * {@code getLatestWithMetadata} picks it.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataLookupIT {

    private final KafkaCluster kafka;
    private RegistryServer server;
    private Rest rest;

    MetadataLookupIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @BeforeAll
    void startOnATopicAConfluentRegistryWrote() throws Exception {
        String topic = "_schemas-metadata-" + UUID.randomUUID();
        kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        List<SchemaValue> values = List.of(
                version("orders-value", 1, 1, false, properties("owner", "team-a", "tier", "gold")),
                version("orders-value", 2, 2, false, properties("owner", "team-b")),
                version("orders-value", 3, 3, false, null),
                version("orders-value", 4, 4, true, properties("owner", "team-a")),
                version("plain-value", 1, 5, false, null),
                version("gone-value", 1, 6, true, properties("owner", "team-a")),
                version("empty-value", 1, 7, false, Rest.MAPPER.createObjectNode()),
                version("kept-value", 1, 8, false, properties("owner", "team-k")),
                version("kept-value", 2, 9, false, properties("owner", "team-l")));
        write(topic, values);
        server = TestServers.onKafka(kafka.bootstrapServers(), topic, Map.of());
        rest = new Rest(server.url());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0} -> v{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "key=owner&value=team-a                           | 1",
                "key=owner&value=team-a&deleted=true              | 4",
                "key=owner&value=team-b                           | 2",
                "key=owner&value=team-a&key=tier&value=gold       | 1",
                "''                                               | 2",
                "key=owner                                        | 2",
                "key=owner&value=team-b&value=surplus             | 2",
                "key=owner&value=team-b&key=owner&value=team-a    | 1"
            })
    void metadata_answersTheHighestVersionWhosePropertiesHoldEveryPair(String query, int version) {
        Rest.Answer answer = rest.get("/subjects/orders-value/metadata?" + query);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("version").asInt()).isEqualTo(version);
    }

    @Test
    void metadata_answerIsTheVersionEntryWithItsMetadataBeforeTheSchema() {
        JsonNode answer =
                rest.get("/subjects/orders-value/metadata?key=tier&value=gold").json();

        List<String> fields = new ArrayList<>();
        answer.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "subject", "version", "id", "guid", "schemaType", "metadata", "schema", "ts", "deleted");
        assertThat(answer.get("metadata")).isEqualTo(properties("owner", "team-a", "tier", "gold"));
        assertThat(answer.get("id").asInt()).isEqualTo(1);
        assertThat(rest.get("/subjects/orders-value/versions/1").json()).isEqualTo(answer);
    }

    @Test
    void metadata_noVersionMatches_answers40403SchemaNotFound() {
        Rest.Answer answer = rest.get("/subjects/orders-value/metadata?key=owner&value=team-c");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"error_code\":40403,\"message\":\"Schema not found\"}");
    }

    @Test
    void metadata_subjectWithoutMetadata_answers40403() {
        assertThat(rest.get("/subjects/plain-value/metadata").errorCode()).isEqualTo(40403);
    }

    @Test
    void metadata_emptyMetadataObject_matchesWhenNoPairIsAsked() {
        assertThat(rest.get("/subjects/empty-value/metadata")
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(rest.get("/subjects/empty-value/metadata?key=owner&value=x").errorCode())
                .isEqualTo(40403);
    }

    @Test
    void metadata_unknownSubject_answers40401() {
        Rest.Answer answer = rest.get("/subjects/nope-value/metadata?key=owner&value=team-a");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'nope-value' not found.\"}");
    }

    @Test
    void metadata_subjectWhollySoftDeleted_is40401UnlessDeletedIsAsked() {
        assertThat(rest.get("/subjects/gone-value/metadata?key=owner&value=team-a")
                        .errorCode())
                .isEqualTo(40401);
        assertThat(rest.get("/subjects/gone-value/metadata?key=owner&value=team-a&deleted=true")
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void softDeleteThroughThisRegistry_keepsTheMetadataOfTheVersion() {
        assertThat(rest.delete("/subjects/kept-value/versions/1").status()).isEqualTo(200);

        assertThat(rest.get("/subjects/kept-value/metadata?key=owner&value=team-k")
                        .errorCode())
                .isEqualTo(40403);
        JsonNode deleted = rest.get("/subjects/kept-value/metadata?key=owner&value=team-k&deleted=true")
                .json();
        assertThat(deleted.get("version").asInt()).isEqualTo(1);
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("metadata")).isEqualTo(properties("owner", "team-k"));
    }

    private static ObjectNode properties(String... pairs) {
        ObjectNode metadata = Rest.MAPPER.createObjectNode();
        ObjectNode properties = metadata.putObject("properties");
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(pairs[i], pairs[i + 1]);
        }
        return metadata;
    }

    private static SchemaValue version(String subject, int version, int id, boolean deleted, ObjectNode metadata) {
        ObjectNode extras = Rest.MAPPER.createObjectNode();
        if (metadata != null) {
            extras.set("metadata", metadata);
        }
        String schema = "{\"type\":\"record\",\"name\":\"R" + id + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
        return new SchemaValue(subject, version, id, "AVRO", List.of(), schema, deleted, extras);
    }

    private void write(String topic, List<SchemaValue> values) throws Exception {
        RecordCodec codec = new RecordCodec();
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (SchemaValue v : values) {
                producer.send(new ProducerRecord<>(
                                topic,
                                0,
                                codec.encodeKey(new SchemaKey(v.subject(), v.version())),
                                codec.encodeValue(v)))
                        .get();
            }
        }
    }
}
