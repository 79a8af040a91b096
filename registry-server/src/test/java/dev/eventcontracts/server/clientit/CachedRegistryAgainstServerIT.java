package dev.eventcontracts.server.clientit;

import static dev.eventcontracts.client.RegistryException.Kind.NOT_FOUND;
import static dev.eventcontracts.server.clientit.ClientFixture.registryError;
import static dev.eventcontracts.server.clientit.ClientFixture.requestsServed;
import static dev.eventcontracts.server.clientit.Contracts.avro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.schema.AvroSchema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cached {@link SchemaRegistry} against this module's registry server on Kafka: what it registers and reads
 * comes back with references resolved, and repeated calls are answered from memory. Requests are counted twice:
 * exactly, by a counting wrapper around the REST client, and on the server, by its per-endpoint Prometheus
 * request counters ({@code /metrics}).
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
class CachedRegistryAgainstServerIT {

    private static final String REGISTER = "/subjects/{subject}/versions";
    private static final String LOOKUP = "/subjects/{subject}";
    private static final String BY_ID = "/schemas/ids/{id}";
    private static final String VERSION = "/subjects/{subject}/versions/{version}";

    private final Contracts c = Contracts.fresh();
    private final String url;
    private final SchemaRegistryClient raw;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    CachedRegistryAgainstServerIT(RunningRegistry registry) {
        this.url = registry.url();
        this.raw = ClientFixture.restClient(url);
    }

    @AfterEach
    void close() {
        raw.close();
    }

    @Test
    void register_thenIdOfAndSchemaById_areAnsweredFromTheCache() {
        long registers = requestsServed(url, "POST", REGISTER);
        long lookups = requestsServed(url, "POST", LOOKUP);
        long byIds = requestsServed(url, "GET", BY_ID);
        AvroSchema order = orderCreated();
        try (SchemaRegistry cached = SchemaRegistries.create(config())) {
            cached.register(c.subject("money"), AvroSchema.parse(c.money()), false);
            int id = cached.register(c.subject("order"), order, false);

            assertThat(cached.idOf(c.subject("order"), order, false)).isEqualTo(id);
            assertThat(cached.schemaById(id)).isEqualTo(order);
            assertThat(cached.register(c.subject("order"), order, false)).isEqualTo(id);

            // one request of our own per endpoint marks the point by which any request of the cache was counted
            raw.lookup(c.subject("order"), c.orderCreatedRequest(c.subject("money"), 1), false, false);
            raw.schemaById(id);
        }
        awaitServed("POST", REGISTER, registers + 2);
        awaitServed("POST", LOOKUP, lookups + 1);
        awaitServed("GET", BY_ID, byIds + 1);
    }

    @Test
    void schemaById_freshCache_fetchesTheSchemaAndItsReferenceOnce_thenServesBothFromMemory() {
        raw.register(c.subject("money"), avro(c.money()), false);
        int id = raw.register(c.subject("order"), c.orderCreatedRequest(c.subject("money"), 1), false)
                .id();
        long byIds = requestsServed(url, "GET", BY_ID);
        long versions = requestsServed(url, "GET", VERSION);

        try (SchemaRegistry cached = countingRegistry()) {
            AvroSchema first = cached.schemaById(id);
            AvroSchema second = cached.schemaById(id);

            assertThat(first).isEqualTo(orderCreated()).isSameAs(second);
            assertThat(first.references()).containsExactly(c.moneyReference(c.subject("money"), 1));
            assertThat(first.resolvedReferences()).containsOnlyKeys(c.moneyName());
            Schema total = first.rawSchema().getField("total").schema();
            assertThat(total.getFullName()).isEqualTo(c.moneyName());
            assertThat(total.getFields()).extracting(Schema.Field::name).containsExactly("amount", "currency");
        }
        assertThat(calls()).containsOnly(Map.entry("schemaById", 1), Map.entry("version", 1));
        awaitServed("GET", BY_ID, byIds + 1);
        awaitServed("GET", VERSION, versions + 1);
    }

    @Test
    void idOf_notYetRegistered_throwsNotFound_andTheFailureIsNotCached() {
        String s = c.subject("later");
        AvroSchema money = AvroSchema.parse(c.money());
        try (SchemaRegistry cached = countingRegistry()) {
            registryError(() -> cached.idOf(s, money, false), NOT_FOUND, 404, 40401);
            int id = raw.register(s, avro(c.money()), false).id();

            assertThat(cached.idOf(s, money, false)).isEqualTo(id);
            assertThat(cached.idOf(s, money, false)).isEqualTo(id);
        }
        assertThat(calls()).containsOnly(Map.entry("lookup", 2));
    }

    @Test
    void latest_withoutTtl_keepsTheFirstAnswer_whileVersionFetchesANewerOne() {
        String s = c.subject("evolving");
        raw.register(s, avro(c.record("Order", "a")), false);
        try (SchemaRegistry cached = countingRegistry()) {
            assertThat(cached.latest(s).version()).isEqualTo(1);
            int v2 = raw.register(s, avro(c.recordWithInt("Order", "n", true, "a")), false)
                    .id();

            assertThat(cached.latest(s).version()).isEqualTo(1);
            RegisteredVersion second = cached.version(s, 2);
            assertThat(second.id()).isEqualTo(v2);
            assertThat(second.schema()).isEqualTo(AvroSchema.parse(c.recordWithInt("Order", "n", true, "a")));
            assertThat(cached.version(s, 1).version()).isEqualTo(1);
        }
        assertThat(calls()).containsOnly(Map.entry("latestVersion", 1), Map.entry("version", 1));
    }

    @Test
    void latest_withTtl_seesTheNewerVersionOnceTheEntryExpires() {
        String s = c.subject("ttl");
        raw.register(s, avro(c.record("Order", "a")), false);
        Map<String, Object> props = ClientFixture.confluentProperties(url);
        props.put("latest.cache.ttl.sec", "1");
        try (SchemaRegistry cached = SchemaRegistries.create(RegistryClientConfig.fromConfluentProperties(props))) {
            assertThat(cached.latest(s).version()).isEqualTo(1);
            raw.register(s, avro(c.recordWithInt("Order", "n", true, "a")), false);

            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cached.latest(s).version() == 2);
        }
    }

    private AvroSchema orderCreated() {
        return AvroSchema.parse(
                c.orderCreated(), List.of(c.moneyReference(c.subject("money"), 1)), Map.of(c.moneyName(), c.money()));
    }

    private RegistryClientConfig config() {
        return RegistryClientConfig.fromConfluentProperties(ClientFixture.confluentProperties(url));
    }

    /** A cached registry over a REST client that counts its calls by method name. */
    private SchemaRegistry countingRegistry() {
        SchemaRegistryClient delegate = SchemaRegistries.restClient(config());
        SchemaRegistryClient counting = (SchemaRegistryClient) Proxy.newProxyInstance(
                SchemaRegistryClient.class.getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("close")) {
                        calls.computeIfAbsent(method.getName(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return SchemaRegistries.cached(counting, config());
    }

    private Map<String, Integer> calls() {
        return calls.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    private void awaitServed(String method, String endpoint, long expected) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(requestsServed(url, method, endpoint))
                        .as(method + " " + endpoint)
                        .isEqualTo(expected));
    }
}
