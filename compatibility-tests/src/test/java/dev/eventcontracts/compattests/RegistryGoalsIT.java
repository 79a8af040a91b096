package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The registry goals in real Maven runs against our registry server on a real broker: {@code register}
 * (order, ids and versions, refusal of a breaking change, a pom written for Confluent's plugin) and the registry gate
 * ({@code verify -Dschema.registry.url=...}). Each test renames the fixture's subjects so tests can share
 * the registry and run in parallel. The cases every registry must pass (idempotent register, dry run, the gate on
 * new subjects, set-compatibility, download) are in the interoperability suite ({@code PluginGoalsInteropIT},
 * {@code UnknownSubjectLevelInteropIT}), which runs them against our registry and Apicurio.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class RegistryGoalsIT {

    private static final AtomicInteger IDS = new AtomicInteger();

    private String url;
    private String ns;
    private SchemaRegistryClient rest;

    @BeforeEach
    void setUp(RunningRegistry registry) {
        url = registry.url();
        ns = "t" + IDS.incrementAndGet() + "x" + System.nanoTime() % 100_000;
        rest = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(url).build());
    }

    @AfterEach
    void tearDown() {
        rest.close();
    }

    private FixtureBuild.Result register(FixtureBuild fixture, Map<String, String> extra) {
        Map<String, String> props = new java.util.HashMap<>(extra);
        props.put("schema.registry.url", url);
        return fixture.run(List.of("contracts:register"), props);
    }

    private String type(String name) {
        return "dev.acme." + ns + "." + name;
    }

    @Test
    void register_newContract_registersReferencedSubjectsFirstPrintingIdAndVersion() {
        FixtureBuild.Result result = register(FixtureBuild.of("_base").isolate(ns), Map.of());

        assertThat(result.succeeded()).as(result.output()).isTrue();
        String out = result.output();
        int money = out.indexOf("Registered subject '" + type("Money") + "' with id ");
        int payment = out.indexOf("Registered subject '" + type("PaymentMade") + "' with id ");
        int value = out.indexOf("Registered subject '" + ns + "-value' with id ");
        assertThat(money).isPositive().isLessThan(payment);
        assertThat(payment).isLessThan(value);
        assertThat(out).containsPattern("Registered subject '" + ns + "-value' with id \\d+ version 1");
        assertThat(rest.subjects()).contains(type("Money"), type("PaymentMade"), ns + "-key", ns + "-value");
    }

    @Test
    void register_breakingChange_isRefusedWithTheViolationsAndRegistersNothing() {
        assertThat(register(FixtureBuild.of("_base").isolate(ns), Map.of()).succeeded())
                .isTrue();

        FixtureBuild.Result result =
                register(FixtureBuild.of("field-type-changed").isolate(ns), Map.of());

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output()).contains("NOT registered", "FIELD_TYPE_CHANGED", "field 'quantity'");
        assertThat(rest.versions(type("PaymentMade"))).containsExactly(1);
    }

    @Test
    void registryGate_breakingChange_failsAgainstTheRegisteredVersion() {
        assertThat(register(FixtureBuild.of("_base").isolate(ns), Map.of()).succeeded())
                .isTrue();

        FixtureBuild.Result result = FixtureBuild.of("field-type-changed")
                .isolate(ns)
                .run(List.of("verify"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output())
                .contains(
                        "checked against the schema registry at " + url,
                        "FIELD_TYPE_CHANGED against version 1 (id ",
                        "field 'quantity'");
    }

    @Test
    void register_pomWrittenForConfluentsPlugin_registersSubjectsWithReferencesInOrder() {
        FixtureBuild.Result result =
                register(FixtureBuild.of("confluent-style-pom").isolate(ns), Map.of());

        assertThat(result.succeeded()).as(result.output()).isTrue();
        String out = result.output();
        assertThat(out.indexOf("Registered subject '" + type("Money") + "'"))
                .isPositive()
                .isLessThan(out.indexOf("Registered subject '" + ns + "-value'"));
        assertThat(rest.version(ns + "-value", 1, false).references())
                .extracting(r -> r.subject())
                .containsExactly(type("Money"));
    }

    @Test
    void testCompatibility_pomWrittenForConfluentsPlugin_checksAtTheRegistrysLevel() {
        assertThat(register(FixtureBuild.of("confluent-style-pom").isolate(ns), Map.of())
                        .succeeded())
                .isTrue();

        FixtureBuild.Result result = FixtureBuild.of("field-type-changed")
                .overlay("confluent-style-pom")
                .isolate(ns)
                .run(List.of("contracts:test-compatibility"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output())
                .contains("subject '" + ns + "-value' (FULL_TRANSITIVE", "FIELD_TYPE_CHANGED", "field 'quantity'");
    }

    @Test
    void registryGate_repositoryContractsRegistered_passAtEachSubjectsLevel() {
        String topic = TopicContracts.load().topics().get(0).name();
        FixtureBuild repo = FixtureBuild.ofRepositoryContracts()
                .rename("dev.eventcontracts.orders", "dev.eventcontracts." + ns)
                .rename("\"" + topic, "\"" + ns + "-" + topic);
        FixtureBuild.Result registered = register(repo, Map.of());
        assertThat(registered.succeeded()).as(registered.output()).isTrue();

        FixtureBuild.Result result = repo.run(List.of("verify"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output())
                .contains("Subject 'dev.eventcontracts." + ns + ".OrderCreated' is FULL_TRANSITIVE "
                        + "compatible with version 1 (id ");
        assertThat(rest.version(ns + "-" + topic + "-value", 1, false).references())
                .hasSize(3);
    }
}
