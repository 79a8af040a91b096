package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.eventcontracts.client.FakeRegistry.Recorded;
import dev.eventcontracts.client.FakeRegistry.Reply;
import dev.eventcontracts.client.internal.CachedSchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cached {@link SchemaRegistry} over real HTTP: what is answered from memory, for how long, keyed by what. */
class CachedSchemaRegistryTest {

    private static final String SIMPLE_V2 = "{\"type\":\"record\",\"name\":\"Simple\",\"namespace\":\"fixture.orders\","
            + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";

    private final Fixture fixture = Fixture.load();
    private final FakeTicker ticker = new FakeTicker();
    private FakeRegistry server;
    private SchemaRegistry registry;

    @BeforeEach
    void start() throws IOException {
        server = fixture.serve(FakeRegistry.http());
        registry = cached(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        registry.close();
        server.close();
    }

    private SchemaRegistry cached(Duration latestTtl) {
        SchemaRegistryClient client = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(server.url()).maxRetries(0).build());
        return new CachedSchemaRegistry(client, 100, 100, latestTtl, ticker);
    }

    @Test
    void schemaById_secondCall_isServedFromMemory() {
        AvroSchema first = registry.schemaById(1);
        AvroSchema second = registry.schemaById(1);

        assertThat(second).isSameAs(first);
        assertThat(first.name()).isEqualTo("fixture.orders.Money");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void schemaById_withNestedReferences_fetchesEachReference_andParsesDependenciesFirst() {
        AvroSchema union = registry.schemaById(5);

        assertThat(server.requests())
                .extracting(Recorded::target)
                .containsExactly(
                        "/schemas/ids/5",
                        "/subjects/fixture.orders.OrderCreated/versions/2",
                        "/subjects/fixture.orders.Money/versions/1",
                        "/subjects/fixture.orders.OrderCancelled/versions/1");
        assertThat(union.resolvedReferences())
                .containsOnlyKeys(
                        "fixture.orders.Money", "fixture.orders.OrderCreated", "fixture.orders.OrderCancelled");
        assertThat(List.copyOf(union.resolvedReferences().keySet()))
                .containsExactly(
                        "fixture.orders.Money", "fixture.orders.OrderCreated", "fixture.orders.OrderCancelled");
        assertThat(union.references()).extracting(SchemaReference::version).containsExactly(2, 1);
        assertThat(union.rawSchema().getType()).isEqualTo(Schema.Type.UNION);
        assertThat(union.rawSchema().getTypes())
                .extracting(Schema::getFullName)
                .containsExactly("fixture.orders.OrderCreated", "fixture.orders.OrderCancelled");
    }

    @Test
    void referencedVersion_sharedByTwoSchemas_isFetchedOnce() {
        registry.schemaById(2);
        registry.schemaById(3);

        assertThat(server.count("GET", "/subjects/fixture.orders.Money/versions/1"))
                .isEqualTo(1);
    }

    @Test
    void register_sameSubjectAndSchemaAgain_makesNoHttpCall_andItsIdIsKnown() {
        server.on("POST", "/subjects/simple-value/versions", Reply.ok("{\"id\":8,\"version\":2}"));
        AvroSchema schema = AvroSchema.parse(SIMPLE_V2);

        int id = registry.register("simple-value", schema, false);
        int again = registry.register("simple-value", AvroSchema.parse(SIMPLE_V2), false);
        AvroSchema byId = registry.schemaById(id);

        assertThat(again).isEqualTo(id).isEqualTo(8);
        assertThat(byId).isEqualTo(schema);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void idOf_reparsedEqualSchema_hitsTheCache() {
        server.on("POST", "/subjects/simple-value", Reply.ok(fixture.version("simple-value", 2)));
        String reformatted = SIMPLE_V2.replace(",", " ,\n  ").replace(":", " : ");

        int id = registry.idOf("simple-value", AvroSchema.parse(SIMPLE_V2), false);
        int again = registry.idOf("simple-value", AvroSchema.parse(reformatted), false);

        assertThat(again).isEqualTo(id).isEqualTo(8);
        assertThat(server.count("POST", "/subjects/simple-value")).isEqualTo(1);
    }

    @Test
    void idOf_otherSubjectOrNormalization_isAnotherKey() {
        server.on("POST", "/subjects/simple-value", Reply.ok(fixture.version("simple-value", 2)));
        server.on("POST", "/subjects/simple-value?normalize=true", Reply.ok(fixture.version("simple-value", 2)));
        server.on("POST", "/subjects/fixture.orders.Simple", Reply.ok(fixture.version("fixture.orders.Simple", 1)));
        AvroSchema schema = AvroSchema.parse(SIMPLE_V2);

        registry.idOf("simple-value", schema, false);
        registry.idOf("simple-value", schema, true);
        registry.idOf("fixture.orders.Simple", schema, false);

        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void idOf_unregisteredSchema_isNotCached() {
        server.on("POST", "/subjects/simple-value", Reply.error(404, 40403, "Schema not found"));
        AvroSchema schema = AvroSchema.parse("\"boolean\"");

        RegistryException first =
                catchThrowableOfType(RegistryException.class, () -> registry.idOf("simple-value", schema, false));
        assertThatThrownBy(() -> registry.idOf("simple-value", schema, false)).isInstanceOf(RegistryException.class);

        assertThat(first.errorCode()).isEqualTo(40403);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void latest_isServedFromMemoryWithinTtl_andFetchedAgainAfterIt() {
        server.on(
                "GET",
                "/subjects/simple-value/versions/latest",
                Reply.ok(fixture.version("simple-value", 1)),
                Reply.ok(fixture.version("simple-value", 2)));

        RegisteredVersion first = registry.latest("simple-value");
        ticker.advance(Duration.ofSeconds(29));
        RegisteredVersion withinTtl = registry.latest("simple-value");
        ticker.advance(Duration.ofSeconds(2));
        RegisteredVersion afterTtl = registry.latest("simple-value");

        assertThat(first.version()).isEqualTo(1);
        assertThat(withinTtl).isSameAs(first);
        assertThat(afterTtl.version()).isEqualTo(2);
        assertThat(afterTtl.id()).isEqualTo(8);
        assertThat(server.count("GET", "/subjects/simple-value/versions/latest"))
                .isEqualTo(2);
    }

    @Test
    void latest_withoutTtl_neverExpires() {
        try (SchemaRegistry noTtl = cached(null)) {
            noTtl.latest("simple-value");
            ticker.advance(Duration.ofDays(1));
            noTtl.latest("simple-value");
        }
        assertThat(server.count("GET", "/subjects/simple-value/versions/latest"))
                .isEqualTo(1);
    }

    @Test
    void version_isCachedPerSubjectAndVersion_andLatestFillsIt() {
        RegisteredVersion latest = registry.latest("simple-value");
        RegisteredVersion v2 = registry.version("simple-value", 2);
        RegisteredVersion v1 = registry.version("fixture.orders.OrderCreated", 1);
        RegisteredVersion v1Again = registry.version("fixture.orders.OrderCreated", 1);

        assertThat(v2).isSameAs(latest);
        assertThat(v1Again).isSameAs(v1);
        assertThat(v1)
                .extracting(RegisteredVersion::id, RegisteredVersion::version)
                .containsExactly(2, 1);
        assertThat(server.requests())
                .extracting(Recorded::target)
                .containsExactly(
                        "/subjects/simple-value/versions/latest",
                        "/subjects/fixture.orders.OrderCreated/versions/1",
                        "/subjects/fixture.orders.Money/versions/1");
    }

    @Test
    void schemaById_ofAnotherSchemaType_isInvalid() {
        server.on(
                "GET",
                "/schemas/ids/40",
                Reply.ok("{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}"));

        RegistryException e = catchThrowableOfType(RegistryException.class, () -> registry.schemaById(40));

        assertThat(e.kind()).isEqualTo(RegistryException.Kind.INVALID);
        assertThat(e.getMessage()).contains("schema id 40", "PROTOBUF");
    }

    @Test
    void closedRegistry_answersNothing() {
        registry.schemaById(1);
        registry.close();

        assertThatThrownBy(() -> registry.schemaById(1)).isInstanceOf(IllegalStateException.class);
    }

    /** A Caffeine time source the test moves by hand, so TTL expiry needs no sleep. */
    private static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong();

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }

        @Override
        public long read() {
            return nanos.get();
        }
    }
}
