package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningKafka;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A team's contracts repository through its life, as real Maven runs on one project generated from the archetype
 * (one project, reused by every step, keeps this lean): generated, it verifies; {@code contracts:release} writes v1;
 * a compatible change verifies and releases as v2; a breaking change fails {@code mvn verify} naming the field; the
 * generated classes make a producer/consumer round trip through a real broker and registry, registered by
 * {@code contracts:register}. The steps run in order and share the project.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchetypeIT {

    private static final String PACKAGE = "com.acme.payments";
    private static final String EVENT = PACKAGE + ".PaymentReceived";
    private static final String TOPIC = "payment-events";

    private final Path workspace =
            Paths.get("target", "it-runs", "archetype-" + System.nanoTime()).toAbsolutePath();
    private FixtureBuild project;
    private Path v2Jar;

    private static String property(String key) {
        return System.getProperty(key);
    }

    @Test
    @Order(1)
    void generate_thenVerify_passesAsGenerated() {
        FixtureBuild.Result generated = FixtureBuild.at(workspace)
                .runResolving(
                        List.of("org.apache.maven.plugins:maven-archetype-plugin:"
                                + property("archetype.plugin.version") + ":generate"),
                        Map.of(
                                "archetypeGroupId", "dev.eventcontracts",
                                "archetypeArtifactId", "contracts-archetype",
                                "archetypeVersion", property("contracts.version"),
                                "groupId", PACKAGE,
                                "artifactId", "payment-contracts",
                                "version", "1.0.0-SNAPSHOT",
                                "package", PACKAGE,
                                "topic", TOPIC,
                                "eventType", "PaymentReceived",
                                "keyField", "paymentId"));
        assertThat(generated.succeeded()).as(generated.output()).isTrue();
        project = FixtureBuild.at(workspace.resolve("payment-contracts"));
        assertThat(project.project().resolve(".gitignore")).exists();
        assertThat(project.project().resolve(".github/workflows/contracts.yml")).exists();
        assertThat(project.project().resolve("schemas/released")).isDirectory();

        FixtureBuild.Result verify = project.runResolving(List.of("verify"), Map.of());

        assertThat(verify.succeeded()).as(verify.output()).isTrue();
        assertThat(verify.output())
                .contains(
                        "Subject '" + EVENT + "' (",
                        "valid Avro, lint clean.",
                        "Tests run: 2, Failures: 0, Errors: 0",
                        "Subject '" + TOPIC + "-value' is not registered yet");
    }

    @Test
    @Order(2)
    void release_firstTime_writesV1() throws IOException {
        FixtureBuild.Result release = project.runResolving(List.of("contracts:release"), Map.of());

        assertThat(release.succeeded()).as(release.output()).isTrue();
        assertThat(release.output())
                .contains("Released v1 into ", "new topic " + TOPIC + ": carries " + EVENT, "new type " + EVENT);
        assertThat(Files.readString(project.project().resolve("schemas/released/v1/release.json")))
                .isEqualTo("{\n  \"release\": 1,\n  \"schemas\": [\n    \"PaymentReceived.avsc\"\n  ]\n}\n");
        assertThat(project.project().resolve("schemas/released/v1/PaymentReceived.avsc"))
                .hasSameTextualContentAs(project.project().resolve("schemas/avro/PaymentReceived.avsc"));
    }

    @Test
    @Order(3)
    void release_compatibleChange_verifiesAndWritesV2SayingWhatItAdds() throws IOException {
        addSender();

        FixtureBuild.Result verify = project.runResolving(List.of("verify"), Map.of());
        assertThat(verify.succeeded()).as(verify.output()).isTrue();
        assertThat(verify.output()).contains("Subject '" + EVENT + "' is FULL_TRANSITIVE compatible with version 1");
        v2Jar = Files.copy(
                project.project().resolve("target/payment-contracts-1.0.0-SNAPSHOT.jar"),
                workspace.resolve("payment-contracts-v2.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        FixtureBuild.Result release = project.runResolving(List.of("contracts:release"), Map.of());

        assertThat(release.succeeded()).as(release.output()).isTrue();
        assertThat(release.output())
                .contains(
                        "What v2 changes against v1:",
                        "new type " + PACKAGE + ".Sender: record",
                        "new field " + EVENT + ".sender: union of null, Sender; default null");
        assertThat(Files.readString(project.project().resolve("schemas/released/v2/release.json")))
                .contains("\"Sender.avsc\",\n    \"PaymentReceived.avsc\"");
    }

    /** A new type in a file of its own and an optional field of that type: compatible at FULL_TRANSITIVE. */
    private void addSender() throws IOException {
        Files.writeString(project.project().resolve("schemas/avro/Sender.avsc"), """
                {
                  "type": "record",
                  "name": "Sender",
                  "namespace": "com.acme.payments",
                  "doc": "Who sent the payment.",
                  "fields": [
                    {"name": "name", "type": "string", "doc": "The sender's name as the bank gives it."}
                  ]
                }
                """);
        project.edit(
                "schemas/avro/PaymentReceived.avsc",
                "\"doc\": \"When it happened, in UTC.\"\n    }",
                "\"doc\": \"When it happened, in UTC.\"\n    },\n    {\"name\": \"sender\", \"type\": [\"null\", "
                        + "\"Sender\"], \"default\": null, \"doc\": \"Who sent it; null when the bank does not say.\"}");
    }

    @Test
    @Order(4)
    void verify_breakingChange_failsNamingTheField() throws IOException {
        Path sender = project.project().resolve("schemas/avro/Sender.avsc");
        String released = Files.readString(sender);
        project.edit("schemas/avro/Sender.avsc", "\"type\": \"string\"", "\"type\": \"long\"");
        try {
            FixtureBuild.Result verify = project.runResolving(List.of("verify"), Map.of());

            assertThat(verify.succeeded()).as(verify.output()).isFalse();
            assertThat(verify.output())
                    .contains(
                            "BUILD FAILURE",
                            "subject '" + PACKAGE + ".Sender' (FULL_TRANSITIVE",
                            "FIELD_TYPE_CHANGED against version 1 (released v2), field 'name'",
                            "fix: keep `name` as string");
        } finally {
            Files.writeString(sender, released);
        }
    }

    @Test
    @Order(5)
    void roundTrip_generatedClassesThroughTheDevStack(RunningKafka kafka, RunningRegistry registry) throws Exception {
        FixtureBuild.Result register =
                project.runResolving(List.of("contracts:register"), Map.of("schema.registry.url", registry.url()));
        assertThat(register.succeeded()).as(register.output()).isTrue();
        assertThat(register.output()).contains("Registered subject '" + TOPIC + "-value' with id ");

        try (URLClassLoader jar =
                new URLClassLoader(new URL[] {v2Jar.toUri().toURL()}, getClass().getClassLoader())) {
            TopicContract topic = contractIn(jar).topicFor(event(jar).getSchema());
            kafka.createTopic(topic.name(), 1, 1, Map.of());
            SpecificRecordBase sent = event(jar);

            produce(kafka, registry, topic.name(), sent);
            Object received = consumeOne(kafka, registry, topic.name(), jar);

            assertThat(received).isInstanceOf(sent.getClass()).isEqualTo(sent);
            assertThat(received.getClass().getClassLoader()).isSameAs(jar);
        }
    }

    /** The descriptor in the generated jar itself (the test class path has this repository's at the same place). */
    private static TopicContracts contractIn(URLClassLoader jar) throws IOException {
        URL descriptor = jar.findResource(TopicContracts.RESOURCE);
        assertThat(descriptor).as("the jar carries " + TopicContracts.RESOURCE).isNotNull();
        try (InputStream in = descriptor.openStream()) {
            return TopicContracts.parse(in);
        }
    }

    /** A PaymentReceived with its Sender, built from the generated classes. */
    private static SpecificRecordBase event(ClassLoader jar) throws ReflectiveOperationException {
        SpecificRecordBase sender = (SpecificRecordBase)
                jar.loadClass(PACKAGE + ".Sender").getConstructor().newInstance();
        sender.put("name", "ACME Bank");
        SpecificRecordBase event =
                (SpecificRecordBase) jar.loadClass(EVENT).getConstructor().newInstance();
        event.put("eventId", "event-1");
        event.put("paymentId", "payment-1");
        event.put("occurredAt", Instant.parse("2026-01-02T03:04:05.678Z").truncatedTo(ChronoUnit.MILLIS));
        event.put("sender", sender);
        return event;
    }

    private static void produce(RunningKafka kafka, RunningRegistry registry, String topic, SpecificRecordBase event)
            throws Exception {
        AvroSerializer values = new AvroSerializer();
        values.configure(
                Map.of(
                        "schema.registry.url",
                        registry.url(),
                        "auto.register.schemas",
                        false,
                        "use.latest.version",
                        true),
                false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"), new StringSerializer(), values)) {
            producer.send(new ProducerRecord<>(topic, "payment-1", event)).get(30, TimeUnit.SECONDS);
        }
    }

    private static Object consumeOne(RunningKafka kafka, RunningRegistry registry, String topic, ClassLoader jar) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the deserializer finds the generated class through the context class loader, as in a service's own jar
        thread.setContextClassLoader(jar);
        AvroDeserializer values;
        try {
            values = new AvroDeserializer();
            values.configure(Map.of("schema.registry.url", registry.url(), "specific.avro.reader", true), false);
        } finally {
            thread.setContextClassLoader(previous);
        }
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers", kafka.bootstrapServers(),
                        "group.id", "archetype-it",
                        "auto.offset.reset", "earliest"),
                new StringDeserializer(),
                values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, Object> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return records.iterator().next().value();
                }
            }
        }
        throw new AssertionError("no record on " + topic + " within 60 s");
    }
}
