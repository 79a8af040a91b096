package dev.eventcontracts.server.internal.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.server.internal.store.ConfigKey;
import dev.eventcontracts.server.internal.store.ConfigValue;
import dev.eventcontracts.server.internal.store.ConfluentFixture;
import dev.eventcontracts.server.internal.store.ConfluentFixture.FixtureRecord;
import dev.eventcontracts.server.internal.store.NotWriterException;
import dev.eventcontracts.server.internal.store.RecordCodec;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import dev.eventcontracts.server.internal.store.StoreException;
import dev.eventcontracts.server.internal.store.WriteConflictException;
import dev.eventcontracts.server.internal.store.kafka.CollectingApplier.Applied;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@KafkaIntegrationTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaRecordLogIT {

    private final KafkaCluster kafka;
    private final String topic = "_schemas-" + UUID.randomUUID();
    private final String group = "registry-" + UUID.randomUUID();
    private final List<KafkaRecordLog> logs = new ArrayList<>();

    KafkaRecordLogIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @AfterEach
    void closeLogs() {
        logs.forEach(KafkaRecordLog::close);
    }

    @Test
    void start_withoutTopic_createsOneCompactedPartition() throws Exception {
        start("http://a:1", new CollectingApplier());

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(Set.of(resource))
                    .all()
                    .get()
                    .get(resource)
                    .get("cleanup.policy")
                    .value();
            assertThat(description.partitions()).hasSize(1);
            assertThat(policy).isEqualTo("compact");
        }
    }

    @Test
    void start_topicWithTwoPartitions_failsNamingTheProblem() {
        kafka.createTopic(topic, 2, 1, Map.of("cleanup.policy", "compact"));

        assertThatThrownBy(() -> start("http://a:1", new CollectingApplier()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("2 partitions")
                .hasMessageContaining("exactly 1");
    }

    @Test
    void start_topicWithDeletePolicy_failsNamingTheProblem() {
        kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "delete"));

        assertThatThrownBy(() -> start("http://a:1", new CollectingApplier()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("cleanup.policy=delete")
                .hasMessageContaining("compact");
    }

    @Test
    void start_onConfluentWrittenTopic_appliesEveryRecordInOrder() throws Exception {
        kafka.createTopic(topic, 1, 1, Map.of("cleanup.policy", "compact"));
        List<FixtureRecord> fixture = ConfluentFixture.schemasTopic();
        produceRaw(fixture);
        CollectingApplier applier = new CollectingApplier();

        start("http://a:1", applier);

        RecordCodec codec = new RecordCodec();
        List<Applied> expected = fixture.stream()
                .map(r -> {
                    RegistryKey key = codec.decodeKey(r.key());
                    return new Applied(key, codec.decodeValue(key, r.value()));
                })
                .toList();
        assertThat(applier.applied()).containsExactlyElementsOf(expected);
    }

    @Test
    void append_onWriter_isAppliedLocallyBeforeTheFutureCompletes() throws Exception {
        CollectingApplier applier = new CollectingApplier();
        KafkaRecordLog log = start("http://a:1", applier);
        SchemaValue value = schema("orders-value", 1, 1, "\"string\"");

        log.append(new SchemaKey("orders-value", 1), value).get(30, TimeUnit.SECONDS);

        assertThat(log.isWriter()).isTrue();
        assertThat(applier.contains(new SchemaKey("orders-value", 1), value)).isTrue();
    }

    @Test
    void restart_replaysWhatWasAppended() throws Exception {
        KafkaRecordLog first = start("http://a:1", new CollectingApplier());
        first.append(new SchemaKey("s", 1), schema("s", 1, 1, "\"int\"")).get(30, TimeUnit.SECONDS);
        first.append(new ConfigKey("s"), new ConfigValue("s", "FULL")).get(30, TimeUnit.SECONDS);
        first.close();

        CollectingApplier applier = new CollectingApplier();
        start("http://a:1", applier);

        assertThat(applier.applied())
                .containsExactly(
                        new Applied(new SchemaKey("s", 1), schema("s", 1, 1, "\"int\"")),
                        new Applied(new ConfigKey("s"), new ConfigValue("s", "FULL")));
    }

    @Test
    void twoInstances_exactlyOneWrites_andTheOtherKnowsItsUrl() throws Exception {
        KafkaRecordLog a = start("http://a:1", new CollectingApplier());
        KafkaRecordLog b = start("http://b:2", new CollectingApplier());

        await().atMost(Duration.ofSeconds(30)).until(() -> a.isWriter() != b.isWriter());
        KafkaRecordLog writer = a.isWriter() ? a : b;
        KafkaRecordLog follower = a.isWriter() ? b : a;
        assertThat(follower.writerUrl()).contains(writer == a ? "http://a:1" : "http://b:2");
        assertThatThrownBy(() -> follower.append(new SchemaKey("s", 1), schema("s", 1, 1, "\"int\""))
                        .get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NotWriterException.class);
    }

    @Test
    void follower_syncToEnd_hasAppliedTheWritersAppend() throws Exception {
        KafkaRecordLog a = start("http://a:1", new CollectingApplier());
        CollectingApplier followerState = new CollectingApplier();
        KafkaRecordLog b = start("http://b:2", followerState);
        assertThat(a.isWriter()).isTrue();
        SchemaValue value = schema("s", 1, 1, "\"long\"");

        a.append(new SchemaKey("s", 1), value).get(30, TimeUnit.SECONDS);
        b.syncToEnd().get(30, TimeUnit.SECONDS);

        assertThat(followerState.contains(new SchemaKey("s", 1), value)).isTrue();
        assertThat(b.lag()).isZero();
    }

    @Test
    void writerCloses_followerTakesOverAndWrites() throws Exception {
        KafkaRecordLog a = start("http://a:1", new CollectingApplier());
        a.append(new SchemaKey("s", 1), schema("s", 1, 1, "\"int\"")).get(30, TimeUnit.SECONDS);
        CollectingApplier followerState = new CollectingApplier();
        KafkaRecordLog b = start("http://b:2", followerState);

        a.close();

        await().atMost(Duration.ofSeconds(30)).until(b::isWriter);
        b.append(new SchemaKey("s", 2), schema("s", 2, 2, "\"long\"")).get(30, TimeUnit.SECONDS);
        assertThat(followerState.applied())
                .extracting(Applied::key)
                .containsExactly(new SchemaKey("s", 1), new SchemaKey("s", 2));
    }

    @Test
    void zombieWriter_isFencedOnceAnotherTakesOver_andItsWriteNeverAppears() throws Exception {
        AtomicReference<StallingConsumer> zombieElection = new AtomicReference<>();
        KafkaRecordLog zombie = start("http://a:1", new CollectingApplier(), Map.of(), props -> {
            zombieElection.set(new StallingConsumer(props));
            return zombieElection.get();
        });
        CollectingApplier successorState = new CollectingApplier();
        KafkaRecordLog successor = start("http://b:2", successorState);
        assertThat(zombie.isWriter()).isTrue();

        zombieElection.get().stall();
        await().atMost(Duration.ofSeconds(60)).until(successor::isWriter);

        assertThat(zombie.isWriter()).as("the zombie still believes it writes").isTrue();
        SchemaValue lost = schema("s", 1, 1, "\"int\"");
        assertThatThrownBy(() -> zombie.append(new SchemaKey("s", 1), lost).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NotWriterException.class);
        assertThat(zombie.isWriter()).isFalse();
        SchemaValue kept = schema("s", 1, 1, "\"long\"");
        successor.append(new SchemaKey("s", 1), kept).get(30, TimeUnit.SECONDS);
        successor.syncToEnd().get(30, TimeUnit.SECONDS);
        assertThat(successorState.applied()).containsExactly(new Applied(new SchemaKey("s", 1), kept));
    }

    @Test
    void append_idOfAnotherSchema_isRefusedAndNotWritten() throws Exception {
        CollectingApplier applier = new CollectingApplier();
        KafkaRecordLog log = start("http://a:1", applier);
        log.append(new SchemaKey("s", 1), schema("s", 1, 1, "\"int\"")).get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> log.append(new SchemaKey("t", 1), schema("t", 1, 1, "\"long\""))
                        .get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(WriteConflictException.class);
        log.append(new SchemaKey("t", 1), schema("t", 1, 1, "\"int\"")).get(30, TimeUnit.SECONDS);

        assertThat(applier.applied())
                .extracting(Applied::key)
                .containsExactly(new SchemaKey("s", 1), new SchemaKey("t", 1));
    }

    @Test
    void leaderEligibilityFalse_neverWrites_andForwardsToTheEligibleOne() throws Exception {
        KafkaRecordLog ineligible = start("http://a:1", new CollectingApplier(), Map.of("leader.eligibility", "false"));
        assertThat(ineligible.isWriter()).isFalse();
        assertThat(ineligible.writerUrl()).isEmpty();

        KafkaRecordLog eligible = start("http://b:2", new CollectingApplier());

        await().atMost(Duration.ofSeconds(30)).until(eligible::isWriter);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ineligible.writerUrl().isPresent());
        assertThat(ineligible.writerUrl()).contains("http://b:2");
    }

    private KafkaRecordLog start(String url, CollectingApplier applier) {
        return start(url, applier, Map.of());
    }

    private KafkaRecordLog start(String url, CollectingApplier applier, Map<String, String> extra) {
        return start(url, applier, extra, WriterElection::kafkaConsumer);
    }

    private KafkaRecordLog start(
            String url,
            CollectingApplier applier,
            Map<String, String> extra,
            Function<Map<String, Object>, Consumer<byte[], byte[]>> electionConsumers) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                "kafkastore.bootstrap.servers",
                kafka.bootstrapServers(),
                "kafkastore.topic",
                topic,
                "schema.registry.group.id",
                group,
                "kafkastore.init.timeout.ms",
                "30000"));
        props.putAll(extra);
        KafkaRecordLog log = new KafkaRecordLog(new KafkaStoreConfig(props), url, electionConsumers);
        logs.add(log);
        log.start(applier);
        return log;
    }

    private void produceRaw(List<FixtureRecord> records) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (FixtureRecord r : records) {
                producer.send(new ProducerRecord<>(topic, 0, r.key(), r.value()))
                        .get();
            }
        }
    }

    private static SchemaValue schema(String subject, int version, int id, String schema) {
        return new SchemaValue(subject, version, id, "AVRO", List.of(), schema, false);
    }
}
