package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.RegistryLookups;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The interoperability suite, client part: the calls of registry-client that the serde and the plugin make,
 * against each {@link Registry} over real HTTP, each asserting what our code relies on. Every test works in
 * subjects of its own, and none changes the global level, so the tests share the registries and run in
 * parallel.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class RegistryClientInteropIT {

    @RegisterExtension
    static final Apicurio APICURIO = new Apicurio();

    RunningRegistry ours;

    private static String money(String ns) {
        return "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"" + ns + "\",\"fields\":["
                + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,"
                + "\"scale\":2}},{\"name\":\"currency\",\"type\":\"string\"}]}";
    }

    private static String order(String ns, String extraField) {
        return "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"" + ns + "\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"total\",\"type\":\"" + ns + ".Money\"}"
                + extraField + "]}";
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void register_sameSchemaTwiceAndUnderASecondSubject_answersOneId(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        AvroSchema money = AvroSchema.parse(money(ns));
        try (SchemaRegistryClient rest = client(registry)) {
            int id = rest.register(ns + ".Money", RegisterSchemaRequest.of(money), false)
                    .id();

            assertThat(rest.register(ns + ".Money", RegisterSchemaRequest.of(money), false)
                            .id())
                    .isEqualTo(id);
            assertThat(rest.register(ns + "-copy", RegisterSchemaRequest.of(money), false)
                            .id())
                    .isEqualTo(id);
            assertThat(rest.versions(ns + ".Money", false, false)).containsExactly(1);
            assertThat(rest.subjects()).contains(ns + ".Money", ns + "-copy");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void lookup_registeredSchema_answersSubjectVersionIdAndTheSameText(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        AvroSchema money = AvroSchema.parse(money(ns));
        try (SchemaRegistryClient rest = client(registry)) {
            int id = rest.register(ns + ".Money", RegisterSchemaRequest.of(money), false)
                    .id();

            SubjectSchema found = rest.lookup(ns + ".Money", RegisterSchemaRequest.of(money), false, false);

            assertThat(found.subject()).isEqualTo(ns + ".Money");
            assertThat(found.version()).isEqualTo(1);
            assertThat(found.id()).isEqualTo(id);
            assertThat(found.schema()).isEqualTo(money.canonicalString());
            assertThat(found.schemaType()).isEqualTo(AvroSchema.TYPE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void lookupVersionsAndVersion_unknownSubjectOrSchema_answerNotFound(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        AvroSchema money = AvroSchema.parse(money(ns));
        try (SchemaRegistryClient rest = client(registry)) {
            rest.register(ns + ".Money", RegisterSchemaRequest.of(AvroSchema.parse("\"string\"")), false);

            assertNotFound(() -> rest.lookup(ns + ".Money", RegisterSchemaRequest.of(money), false, false));
            assertNotFound(() -> rest.lookup(ns + ".Unknown", RegisterSchemaRequest.of(money), false, false));
            assertNotFound(() -> rest.versions(ns + ".Unknown", false, false));
            assertNotFound(() -> rest.version(ns + ".Unknown", RegistryLookups.LATEST, false));
            assertNotFound(() -> rest.version(ns + ".Money", 7, false));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void schemaWithReferences_isRegisteredAndReadBackWithThemByIdAndByVersion(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        try (SchemaRegistryClient rest = client(registry);
                SchemaRegistry cached = SchemaRegistries.create(config(registry))) {
            AvroSchema order = registerOrder(rest, ns, "");

            int id = rest.register(ns + "-value", RegisterSchemaRequest.of(order), false)
                    .id();

            List<SchemaReference> refs = List.of(new SchemaReference(ns + ".Money", ns + ".Money", 1));
            assertThat(rest.schemaById(id).references()).isEqualTo(refs);
            assertThat(rest.version(ns + "-value", RegistryLookups.LATEST, false)
                            .references())
                    .isEqualTo(refs);
            assertThat(cached.schemaById(id)).isEqualTo(order);
            RegisteredVersion latest = cached.latest(ns + "-value");
            assertThat(latest.id()).isEqualTo(id);
            assertThat(latest.schema()).isEqualTo(order);
            assertThat(cached.idOf(ns + "-value", order, false)).isEqualTo(id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void subjectConfig_unknownSubject_isTheGlobalLevelWithDefaultToGlobalAndNotFoundWithout(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        try (SchemaRegistryClient rest = client(registry)) {
            String global = rest.globalConfig().compatibilityLevel();

            assertThat(rest.subjectConfig(ns + "-value", true).compatibilityLevel())
                    .isEqualTo(global);
            assertNotFound(() -> rest.subjectConfig(ns + "-value", false));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void subjectConfig_setReadAndDeleted_fallsBackToTheGlobalLevel(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        try (SchemaRegistryClient rest = client(registry)) {
            String global = rest.globalConfig().compatibilityLevel();

            rest.updateSubjectConfig(ns + "-value", CompatibilityUpdate.of("FULL_TRANSITIVE"));

            assertThat(rest.subjectConfig(ns + "-value", false).compatibilityLevel())
                    .isEqualTo("FULL_TRANSITIVE");
            assertThat(rest.subjectConfig(ns + "-value", true).compatibilityLevel())
                    .isEqualTo("FULL_TRANSITIVE");
            rest.deleteSubjectConfig(ns + "-value");
            assertThat(rest.subjectConfig(ns + "-value", true).compatibilityLevel())
                    .isEqualTo(global);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void register_incompatibleWithTheSubjectsLevel_isAConflict(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        try (SchemaRegistryClient rest = client(registry)) {
            registerOrder(rest, ns, "");
            rest.updateSubjectConfig(ns + ".Order", CompatibilityUpdate.of("FULL_TRANSITIVE"));
            AvroSchema breaking = orderSchema(ns, ",{\"name\":\"channel\",\"type\":\"string\"}");

            assertThatThrownBy(() -> rest.register(ns + ".Order", RegisterSchemaRequest.of(breaking), false))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RegistryException.Kind.CONFLICT);
                        assertThat(e.status()).isEqualTo(409);
                    });
            assertThat(rest.versions(ns + ".Order", false, false)).containsExactly(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void register_invalidSchema_isInvalidWith42201(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        try (SchemaRegistryClient rest = client(registry)) {
            RegisterSchemaRequest invalid = RegisterSchemaRequest.of(
                    "{\"type\":\"record\",\"name\":\"Bad\",\"fields\":[{\"name\":\"a\",\"type\":\"nope\"}]}",
                    null,
                    null);

            assertThatThrownBy(() -> rest.register(ns + "-value", invalid, false))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RegistryException.Kind.INVALID);
                        assertThat(e.errorCode()).isEqualTo(42201);
                    });
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void normalize_schemasDifferingOnlyInPropertyOrder_areOneVersionWithOneId(Registry registry) {
        String ns = Interop.uniqueName("dev.interop.c");
        String fields = "\"type\":\"record\",\"name\":\"Tagged\",\"namespace\":\"" + ns + "\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]";
        AvroSchema first = AvroSchema.parse("{" + fields + ",\"b-prop\":\"1\",\"a-prop\":\"2\"}");
        AvroSchema second = AvroSchema.parse("{" + fields + ",\"a-prop\":\"2\",\"b-prop\":\"1\"}");
        try (SchemaRegistry cached = SchemaRegistries.create(config(registry));
                SchemaRegistryClient rest = client(registry)) {
            int id = cached.register(ns + "-value", first, true);

            assertThat(cached.idOf(ns + "-value", second, true)).isEqualTo(id);
            assertThat(cached.register(ns + "-value", second, true)).isEqualTo(id);
            assertThat(rest.versions(ns + "-value", false, false)).containsExactly(1);
        }
    }

    /** Registers Money and an Order that refers to it, each under its full name; returns the Order. */
    private static AvroSchema registerOrder(SchemaRegistryClient rest, String ns, String extraField) {
        rest.register(ns + ".Money", RegisterSchemaRequest.of(AvroSchema.parse(money(ns))), false);
        AvroSchema order = orderSchema(ns, extraField);
        rest.register(ns + ".Order", RegisterSchemaRequest.of(order), false);
        return order;
    }

    private static AvroSchema orderSchema(String ns, String extraField) {
        return AvroSchema.parse(
                order(ns, extraField),
                List.of(new SchemaReference(ns + ".Money", ns + ".Money", 1)),
                Map.of(ns + ".Money", money(ns)));
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND));
    }

    private RegistryClientConfig config(Registry registry) {
        return RegistryClientConfig.builder()
                .urls(APICURIO.urlOf(registry, ours))
                .build();
    }

    private SchemaRegistryClient client(Registry registry) {
        return SchemaRegistries.restClient(config(registry));
    }
}
