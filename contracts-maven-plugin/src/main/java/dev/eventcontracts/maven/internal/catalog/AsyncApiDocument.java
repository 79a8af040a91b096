package dev.eventcontracts.maven.internal.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.contracts.TopicContract;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * The AsyncAPI 3.0 document of a contracts repository, generated from the descriptor and the {@code .avsc} files: a
 * pure function of the contracts, like the compatibility engine.
 *
 * <p>One channel per topic (its address is the topic name) with its Kafka binding (partitions, replicas,
 * {@code min.insync.replicas}), the key and value subjects and the value subject's level as {@code x-} extensions,
 * and a link to its dead-letter channel; one message per event type with its Avro payload (AsyncAPI's Avro schema
 * format, self-contained: referenced types inlined where first used, which AsyncAPI tools need), its subject and
 * level, an example, and the key in the Kafka message binding; the dead-letter channel with its opaque message; and
 * per topic the producers' {@code send}, the consumers' {@code receive} and their {@code send} to the dead-letter
 * topic.
 *
 * <p>Two facts of AsyncAPI's Kafka binding 0.5.0 shape it: the key must be a JSON-Schema-style object, not Avro (the
 * key's Avro schema and subject are kept in {@code x-key}), and {@code min.insync.replicas} goes into the open
 * {@code topicConfiguration}.
 */
public final class AsyncApiDocument {

    /** The AsyncAPI version the document follows. */
    public static final String ASYNCAPI_VERSION = "3.0.0";
    /** AsyncAPI's name of the Avro schema format (the format's version, not the library's). */
    public static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";

    private static final String KAFKA_BINDING = "0.5.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private AsyncApiDocument() {}

    /**
     * Generates the document.
     *
     * @param contracts the contracts; never null
     * @param title the document's title, e.g. the project's name; never null
     * @param version the contracts' version, e.g. the project's version; never null
     * @return the document; never null
     */
    public static ObjectNode generate(ContractSources contracts, String title, String version) {
        ObjectNode doc = NODES.objectNode();
        doc.put("asyncapi", ASYNCAPI_VERSION);
        ObjectNode info = doc.putObject("info");
        info.put("title", Objects.requireNonNull(title, "title"));
        info.put("version", Objects.requireNonNull(version, "version"));
        info.put(
                "description",
                "The Kafka topics and Avro event contracts of " + title + ", generated from the topic contract ("
                        + "topics.json) and the .avsc files. Values and keys are Avro in Confluent's wire format "
                        + "(magic byte 0, 4-byte schema id, Avro binary); every schema is registered in a Schema "
                        + "Registry under the subject named here.");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        for (TopicContract topic : contracts.topics().topics()) {
            channels.set(topic.name(), channel(contracts, topic));
            String channelRef = "#/channels/" + pointer(topic.name());
            ArrayNode messages = NODES.arrayNode();
            topic.value().eventTypes().forEach(e -> messages.add(ref(channelRef + "/messages/" + pointer(e))));
            operations.set(
                    "send-" + topic.name(),
                    operation("send", channelRef, messages, "Producers write the events of " + topic.name() + "."));
            operations.set(
                    "receive-" + topic.name(),
                    operation(
                            "receive",
                            channelRef,
                            messages.deepCopy(),
                            "Consumers read the events of " + topic.name() + "."));
            if (topic.deadLetterTopic() != null) {
                channels.set(topic.deadLetterTopic(), deadLetterChannel(topic));
                String dlqRef = "#/channels/" + pointer(topic.deadLetterTopic());
                ArrayNode dead = NODES.arrayNode().add(ref(dlqRef + "/messages/dead-letter"));
                operations.set(
                        "send-" + topic.deadLetterTopic(),
                        operation(
                                "send",
                                dlqRef,
                                dead,
                                "Consumers of " + topic.name() + " write what they cannot process, with its cause."));
            }
        }
        return doc;
    }

    /**
     * Writes a document as YAML, strings quoted only where needed and never a string that YAML would read as a
     * number (a version such as {@code 1.0} stays text).
     *
     * @param document the document; never null
     * @return the YAML text; never null
     */
    public static String toYaml(ObjectNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the AsyncAPI document as YAML", e);
        }
    }

    private static ObjectNode channel(ContractSources contracts, TopicContract topic) {
        ObjectNode channel = NODES.objectNode();
        channel.put("address", topic.name());
        channel.put("title", topic.name());
        if (!topic.doc().isEmpty()) {
            channel.put("description", topic.doc());
        }
        ObjectNode messages = channel.putObject("messages");
        for (String eventType : topic.value().eventTypes()) {
            messages.set(eventType, message(contracts, topic, eventType));
        }
        channel.set("bindings", NODES.objectNode().set("kafka", kafkaChannel(topic)));
        channel.put("x-key-subject", topic.key().subject());
        channel.put("x-value-subject", topic.value().subject());
        channel.put("x-compatibility", topic.value().compatibility());
        channel.set("x-event-types", array(topic.value().eventTypes()));
        if (topic.deadLetterTopic() != null) {
            channel.set("x-dead-letter-channel", ref("#/channels/" + pointer(topic.deadLetterTopic())));
        }
        return channel;
    }

    private static ObjectNode kafkaChannel(TopicContract topic) {
        ObjectNode kafka = NODES.objectNode();
        if (topic.partitions() > 0) {
            kafka.put("partitions", topic.partitions());
        }
        if (topic.replicationFactor() > 0) {
            kafka.put("replicas", (int) topic.replicationFactor());
        }
        if (topic.minInsyncReplicas() > 0) {
            kafka.putObject("topicConfiguration").put("min.insync.replicas", topic.minInsyncReplicas());
        }
        kafka.put("bindingVersion", KAFKA_BINDING);
        return kafka;
    }

    private static ObjectNode message(ContractSources contracts, TopicContract topic, String eventType) {
        Schema schema = contracts.schema(eventType);
        ObjectNode message = NODES.objectNode();
        message.put("name", schema.getName());
        message.put("title", schema.getName());
        if (schema.getDoc() != null) {
            message.put("summary", schema.getDoc());
        }
        message.put("contentType", "application/vnd.apache.avro+binary");
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", AVRO_FORMAT);
        payload.set("schema", avro(schema));
        ObjectNode kafka = NODES.objectNode();
        kafka.set("key", key(topic));
        kafka.put("schemaIdLocation", "payload");
        kafka.put("schemaIdPayloadEncoding", "confluent");
        kafka.put("schemaLookupStrategy", "TopicNameStrategy");
        kafka.put("bindingVersion", KAFKA_BINDING);
        message.set("bindings", NODES.objectNode().set("kafka", kafka));
        ObjectNode example = NODES.objectNode();
        example.put("name", schema.getName());
        example.put("summary", "An example " + schema.getName() + " (logical values as their meaning).");
        example.set("payload", ExamplePayload.of(schema));
        message.set("examples", NODES.arrayNode().add(example));
        message.put("x-subject", eventType);
        contracts.plan(eventType).flatMap(SubjectPlan::level).ifPresent(l -> message.put("x-compatibility", l.name()));
        ObjectNode keyInfo = message.putObject("x-key");
        keyInfo.put("subject", topic.key().subject());
        keyInfo.put("schemaFormat", AVRO_FORMAT);
        keyInfo.set("schema", avroText(topic.key().schema()));
        if (topic.key().field() != null) {
            keyInfo.put("field", topic.key().field());
        }
        keyInfo.put(
                "compatibility",
                topic.key().level().map(CompatibilityLevel::name).orElse("the registry's"));
        return message;
    }

    private static ObjectNode key(TopicContract topic) {
        ObjectNode key = AvroJsonSchema.of(new Schema.Parser().parse(topic.key().schema()));
        String field = topic.key().field() == null ? "" : topic.key().field() + " of every event; ";
        key.put(
                "description",
                "The record key: " + field + "Avro " + topic.key().schema() + " under subject "
                        + topic.key().subject() + ".");
        return key;
    }

    private static ObjectNode deadLetterChannel(TopicContract topic) {
        ObjectNode channel = NODES.objectNode();
        channel.put("address", topic.deadLetterTopic());
        channel.put("title", topic.deadLetterTopic());
        channel.put(
                "description",
                "The dead-letter topic of " + topic.name() + ": what a consumer cannot process (bytes that are "
                        + "not an event of the contract, an unknown schema id, an event the consumer rejects), with "
                        + "the record's original key and value and the cause in headers.");
        ObjectNode message = NODES.objectNode();
        message.put("name", "dead-letter");
        message.put("title", "Dead letter of " + topic.name());
        message.put("contentType", "application/octet-stream");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        headers.put("description", "The cause and the original position of the record, as the consumer sets them.");
        headers.putObject("additionalProperties").put("type", "string");
        ObjectNode payload = message.putObject("payload");
        payload.put("type", "string");
        payload.put("format", "binary");
        payload.put("description", "The original record value, byte for byte.");
        channel.putObject("messages").set("dead-letter", message);
        channel.set("bindings", NODES.objectNode().set("kafka", kafkaChannel(topic)));
        channel.put("x-dead-letter-of", topic.name());
        return channel;
    }

    private static ObjectNode operation(String action, String channelRef, ArrayNode messages, String description) {
        ObjectNode op = NODES.objectNode();
        op.put("action", action);
        op.set("channel", ref(channelRef));
        op.set("messages", messages);
        op.put("description", description);
        return op;
    }

    private static ObjectNode ref(String ref) {
        return NODES.objectNode().put("$ref", ref);
    }

    private static ArrayNode array(Iterable<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A JSON Pointer token: {@code ~} and {@code /} escaped (RFC 6901). */
    static String pointer(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode avro(Schema schema) {
        return avroText(schema.toString());
    }

    private static JsonNode avroText(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote a schema that is not JSON: " + text, e);
        }
    }
}
