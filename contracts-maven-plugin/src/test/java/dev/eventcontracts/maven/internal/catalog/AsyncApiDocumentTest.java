package dev.eventcontracts.maven.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.eventcontracts.contracts.TopicContract;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document of this repository's contracts. */
class AsyncApiDocumentTest {

    private static ContractSources contracts;
    private static ObjectNode document;

    @BeforeAll
    static void generate() throws Exception {
        contracts = RepoContracts.read();
        document = AsyncApiDocument.generate(contracts, "order contracts", "2.0.0");
    }

    @Test
    void generate_repositoryContracts_validatesAgainstTheOfficialAsyncApi300Schema() {
        assertThat(AsyncApiSchema.load().problems(document)).isEmpty();
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void generate_writtenAsYamlAndReadBack_isTheSameValidDocument() throws Exception {
        String yaml = AsyncApiDocument.toYaml(document);
        JsonNode read = new YAMLMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(yaml);

        assertThat(read).isEqualTo(document);
        assertThat(AsyncApiSchema.load().problems(read)).isEmpty();
    }

    @Test
    void toYaml_versionThatLooksLikeANumber_isQuotedSoItStaysAString() throws Exception {
        String yaml = AsyncApiDocument.toYaml(AsyncApiDocument.generate(contracts, "order contracts", "1.0"));

        JsonNode read = new YAMLMapper().readTree(yaml);
        assertThat(read.at("/info/version").isTextual()).isTrue();
        assertThat(read.at("/info/version").asText()).isEqualTo("1.0");
        assertThat(AsyncApiSchema.load().problems(read)).isEmpty();
    }

    @Test
    void generate_everyTopic_isAChannelWithItsKafkaLayoutSubjectsAndLevel() {
        for (TopicContract topic : contracts.topics().topics()) {
            JsonNode channel = document.path("channels").path(topic.name());
            JsonNode kafka = channel.path("bindings").path("kafka");

            assertThat(channel.path("address").asText()).isEqualTo(topic.name());
            assertThat(kafka.path("partitions").asInt()).isEqualTo(topic.partitions());
            assertThat(kafka.path("replicas").asInt()).isEqualTo(topic.replicationFactor());
            assertThat(kafka.path("topicConfiguration")
                            .path("min.insync.replicas")
                            .asInt())
                    .isEqualTo(topic.minInsyncReplicas());
            assertThat(channel.path("x-value-subject").asText())
                    .isEqualTo(topic.value().subject());
            assertThat(channel.path("x-key-subject").asText())
                    .isEqualTo(topic.key().subject());
            assertThat(channel.path("x-compatibility").asText())
                    .isEqualTo(topic.value().compatibility());
        }
    }

    @Test
    void generate_everyEventType_isAMessageWithEveryFieldOfItsAvroPayload() {
        for (TopicContract topic : contracts.topics().topics()) {
            JsonNode messages = document.path("channels").path(topic.name()).path("messages");
            assertThat(fieldNames(messages))
                    .containsExactlyElementsOf(topic.value().eventTypes());
            for (String eventType : topic.value().eventTypes()) {
                JsonNode message = messages.path(eventType);
                Schema avro = new Schema.Parser()
                        .parse(message.path("payload").path("schema").toString());
                Schema contract = contracts.types().schemas().get(eventType);

                assertThat(message.path("payload").path("schemaFormat").asText())
                        .isEqualTo("application/vnd.apache.avro;version=1.9.0");
                assertThat(avro.getFields())
                        .extracting(Schema.Field::name)
                        .containsExactlyElementsOf(contract.getFields().stream()
                                .map(Schema.Field::name)
                                .toList());
                assertThat(avro).isEqualTo(contracts.schema(eventType));
                assertThat(message.path("x-subject").asText()).isEqualTo(eventType);
                assertThat(message.path("x-compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
            }
        }
    }

    @Test
    void generate_orderCreatedPayload_isSelfContainedWithTheTypesItUsesInlined() {
        JsonNode payload = document.at(
                "/channels/order-events/messages/dev.eventcontracts.orders.OrderCreated" + "/payload/schema");

        Schema parsedAlone = new Schema.Parser().parse(payload.toString());
        assertThat(parsedAlone
                        .getField("shippingAddress")
                        .schema()
                        .getTypes()
                        .get(1)
                        .getFullName())
                .isEqualTo(RepoContracts.NS + "Address");
        assertThat(parsedAlone.getField("total").schema().getFullName()).isEqualTo(RepoContracts.NS + "Money");
    }

    @Test
    void generate_key_isAJsonSchemaInTheKafkaBindingAndTheAvroSchemaWithItsSubjectInXKey() {
        JsonNode message = document.at("/channels/order-events/messages/dev.eventcontracts.orders.OrderCancelled");

        assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
        assertThat(message.at("/x-key/subject").asText()).isEqualTo("order-events-key");
        assertThat(message.at("/x-key/schema").asText()).isEqualTo("string");
        assertThat(message.at("/x-key/field").asText()).isEqualTo("orderId");
    }

    @Test
    void generate_deadLetterTopic_isItsOwnChannelLinkedFromTheTopicWithASendOperation() {
        assertThat(document.at("/channels/order-events.DLQ/address").asText()).isEqualTo("order-events.DLQ");
        assertThat(document.at("/channels/order-events/x-dead-letter-channel/$ref")
                        .asText())
                .isEqualTo("#/channels/order-events.DLQ");
        assertThat(document.at("/operations/send-order-events.DLQ/action").asText())
                .isEqualTo("send");
        assertThat(document.at("/operations/send-order-events.DLQ/channel/$ref").asText())
                .isEqualTo("#/channels/order-events.DLQ");
    }

    @Test
    void generate_operationsReferToMessagesThatExistInTheirChannel() {
        List<String> refs = new ArrayList<>();
        document.path("operations")
                .forEach(op ->
                        op.path("messages").forEach(m -> refs.add(m.path("$ref").asText())));

        assertThat(refs)
                .hasSize(7)
                .allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                        .as(ref)
                        .isFalse());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
