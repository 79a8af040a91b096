package dev.eventcontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RegistryProvider;
import dev.eventcontracts.devstack.RunningKafka;
import dev.eventcontracts.devstack.RunningRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compatibility with Confluent's own serializer, proven on what it wrote ({@code confluent-8.3.1/}, copied
 * byte for byte from the shared fixtures): our registry server replays Confluent's {@code _schemas} topic
 * (written into a fresh store topic with the exact key and value bytes), then for every case of
 * {@code serializer-bytes.jsonl} our deserializer reads Confluent's bytes back to the value and our serializer,
 * with the same configuration, writes the same bytes.
 */
@KafkaIntegrationTest
@Timeout(180)
class ConfluentFixtureIT {

    private static final String STORE_TOPIC = "_schemas_confluent_fixture";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningRegistry server;
    private static SchemaRegistry registry;

    /** One line of serializer-bytes.jsonl. */
    record Case(String name, String topic, boolean isKey, Map<String, Object> config, String value, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void replayConfluentStore(RunningKafka kafka) throws Exception {
        kafka.createTopic(STORE_TOPIC, 1, 1, Map.of("cleanup.policy", "compact"));
        writeStoreRecords(kafka.bootstrapServers());
        RegistryProvider provider = ServiceLoader.load(RegistryProvider.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no RegistryProvider on the test classpath"));
        server = provider.start(
                kafka.bootstrapServers(),
                Map.of("kafkastore.topic", STORE_TOPIC, "schema.registry.group.id", "confluent-fixture"));
        registry = SchemaRegistries.create(
                RegistryClientConfig.fromConfluentProperties(Map.of("schema.registry.url", server.url())));
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void writeStoreRecords(String bootstrap) throws Exception {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (JsonNode line : lines("confluent-8.3.1/_schemas.jsonl")) {
                byte[] key = line.get("key").asText().getBytes(StandardCharsets.UTF_8);
                JsonNode value = line.get("value");
                byte[] valueBytes = value.isNull() ? null : value.asText().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(STORE_TOPIC, 0, key, valueBytes))
                        .get();
            }
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode line : lines("confluent-8.3.1/serializer-bytes.jsonl")) {
            JsonNode hex = line.get("hex");
            cases.add(new Case(
                    line.get("case").asText(),
                    line.get("topic").asText(),
                    line.get("isKey").asBoolean(),
                    config(line.get("config").asText()),
                    line.get("value").asText(),
                    hex.isNull() ? null : HexFormat.of().parseHex(hex.asText())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deserialize_confluentBytes_givesTheValue(Case c) throws IOException {
        try (AvroDeserializer deserializer = new AvroDeserializer(registry, c.config(), c.isKey())) {
            Object value = deserializer.deserialize(c.topic(), c.bytes());

            switch (c.name()) {
                case "null-value" -> assertThat(value).isNull();
                case "bytes-value-auto-registered" -> assertThat(value).isEqualTo(new byte[] {1, 2, 3});
                case "string-key-auto-registered", "int-value-auto-registered" ->
                    assertThat(String.valueOf(value)).isEqualTo(c.value());
                default -> assertThat(JSON.readTree(String.valueOf(value))).isEqualTo(JSON.readTree(c.value()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serialize_sameValueAndConfig_writesConfluentsBytes(Case c) {
        try (AvroSerializer serializer = new AvroSerializer(registry, c.config(), c.isKey())) {
            assertThat(serializer.serialize(c.topic(), valueOf(c))).isEqualTo(c.bytes());
        }
    }

    /** The value each case serialized, built as Confluent's test built it. */
    private static Object valueOf(Case c) {
        return switch (c.name()) {
            case "null-value" -> null;
            case "bytes-value-auto-registered" -> ByteBuffer.wrap(new byte[] {1, 2, 3});
            case "int-value-auto-registered" -> Integer.parseInt(c.value());
            case "string-key-auto-registered" -> c.value();
            // the producer's own record schemas: OrderCreated v2 (id 3), OrderCancelled (id 4), Simple v2 (id 8)
            case "union-branch-OrderCreated" ->
                JsonRecords.record(registry.schemaById(3).rawSchema(), c.value());
            case "union-branch-OrderCancelled" ->
                JsonRecords.record(registry.schemaById(4).rawSchema(), c.value());
            default -> JsonRecords.record(registry.schemaById(8).rawSchema(), c.value());
        };
    }

    /** Parses Confluent's printed config, e.g. {@code {use.latest.version=true, auto.register.schemas=false}}. */
    private static Map<String, Object> config(String printed) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("schema.registry.url", server == null ? "http://unused:8081" : server.url());
        String body = printed.substring(1, printed.length() - 1);
        for (String entry : body.split(", ")) {
            int eq = entry.indexOf('=');
            config.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return config;
    }

    private static List<JsonNode> lines(String resource) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = ConfluentFixtureIT.class.getClassLoader().getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }
}
