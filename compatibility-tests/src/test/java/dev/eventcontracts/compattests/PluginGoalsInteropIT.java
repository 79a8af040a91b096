package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The interoperability suite, plugin part: every registry goal of contracts-maven-plugin in real Maven runs
 * against each {@link Registry} through its Confluent-compatible API, on this repository's contracts and on
 * the payment fixture ({@code src/it}). The same assertions hold for every registry: behaviour follows the
 * registry's answers, never its name. UnknownSubjectLevelInteropIT holds the two cases that failed against Apicurio (register of
 * new subjects, the registry gate on subjects not registered yet).
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class PluginGoalsInteropIT {

    @RegisterExtension
    static final Apicurio APICURIO = new Apicurio();

    RunningRegistry ours;

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void register_repositoryContractsTwice_changesNothingTheSecondTime(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        RepositoryContracts contracts = RepositoryContracts.isolated();
        assertThat(register(contracts.fixture(), url).succeeded()).isTrue();

        FixtureBuild.Result again = register(contracts.fixture(), url);

        assertThat(again.succeeded()).as(again.output()).isTrue();
        assertThat(again.output())
                .doesNotContain("Registered subject", "compatibility set to")
                .contains("Subject '" + contracts.valueSubject() + "': unchanged, already registered with id");
        try (SchemaRegistryClient rest = Interop.client(url)) {
            assertThat(rest.versions(contracts.valueSubject(), false, false)).containsExactly(1);
            assertThat(rest.versions(contracts.type("OrderCreated"), false, false))
                    .containsExactly(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void register_dryRun_saysWhatItWouldRegisterAndWritesNothing(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String ns = Interop.uniqueName("i");

        FixtureBuild.Result result = FixtureBuild.of("_base")
                .isolate(ns)
                .run(List.of("contracts:register"), Map.of("schema.registry.url", url, "contracts.dryRun", "true"));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output())
                .contains(
                        "[dry run] Subject 'dev.acme." + ns + ".Money': would register a new version (version 1)",
                        "[dry run] Subject '" + ns + "-value': would register a new version (version 1)");
        try (SchemaRegistryClient rest = Interop.client(url)) {
            assertThat(rest.subjects()).noneMatch(s -> s.contains(ns));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void testCompatibility_compatibleChange_passesAtTheSubjectsLevel(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String ns = Interop.uniqueName("i");
        assertThat(register(FixtureBuild.of("_base").isolate(ns), url).succeeded())
                .isTrue();

        FixtureBuild.Result result = FixtureBuild.of("compatible-optional-field")
                .isolate(ns)
                .run(List.of("contracts:test-compatibility"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output())
                .contains(
                        "Subject 'dev.acme." + ns + ".PaymentMade' is FULL_TRANSITIVE compatible with version 1 (id ");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void register_compatibleChange_isAcceptedByTheRegistryAsVersion2(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String ns = Interop.uniqueName("i");
        assertThat(register(FixtureBuild.of("_base").isolate(ns), url).succeeded())
                .isTrue();

        FixtureBuild.Result result =
                register(FixtureBuild.of("compatible-optional-field").isolate(ns), url);

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output())
                .containsPattern("Registered subject 'dev.acme." + ns + ".PaymentMade' with id \\d+ version 2");
        try (SchemaRegistryClient rest = Interop.client(url)) {
            assertThat(rest.versions("dev.acme." + ns + ".PaymentMade", false, false))
                    .containsExactly(1, 2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void testCompatibility_breakingChange_failsNamingTheField(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String ns = Interop.uniqueName("i");
        assertThat(register(FixtureBuild.of("_base").isolate(ns), url).succeeded())
                .isTrue();

        FixtureBuild.Result result = FixtureBuild.of("field-type-changed")
                .isolate(ns)
                .run(List.of("contracts:test-compatibility"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output())
                .contains(
                        "subject 'dev.acme." + ns + ".PaymentMade' (FULL_TRANSITIVE",
                        "FIELD_TYPE_CHANGED against version 1 (id ",
                        "field 'quantity'");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void setCompatibility_descriptorLevels_areSetOnNewSubjects(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String ns = Interop.uniqueName("i");

        FixtureBuild.Result result = FixtureBuild.of("_base")
                .isolate(ns)
                .run(List.of("contracts:set-compatibility"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        try (SchemaRegistryClient rest = Interop.client(url)) {
            assertThat(rest.subjectConfig(ns + "-value", false).compatibilityLevel())
                    .isEqualTo("FULL_TRANSITIVE");
            assertThat(rest.subjectConfig("dev.acme." + ns + ".Money", true).compatibilityLevel())
                    .isEqualTo("FULL_TRANSITIVE");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void download_registeredSubjects_writesTheSchemasAsRegistered(Registry registry) throws Exception {
        String url = APICURIO.urlOf(registry, ours);
        String ns = Interop.uniqueName("i");
        FixtureBuild fixture = FixtureBuild.of("_base").isolate(ns);
        assertThat(register(fixture, url).succeeded()).isTrue();

        FixtureBuild.Result result = fixture.run(
                List.of("contracts:download"),
                Map.of(
                        "schema.registry.url",
                        url,
                        "contracts.subjectPatterns",
                        "dev\\.acme\\." + ns + "\\..*",
                        "contracts.outputDirectory",
                        "downloaded"));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        Path downloaded = result.project().resolve("downloaded");
        assertThat(downloaded.resolve(ns + "-value.avsc")).doesNotExist();
        Schema money =
                new Schema.Parser().parse(Files.readString(downloaded.resolve("dev.acme." + ns + ".Money.avsc")));
        Schema source =
                new Schema.Parser().parse(Files.readString(fixture.project().resolve("schemas/avro/Money.avsc")));
        assertThat(money).isEqualTo(source);
        assertThat(Files.readString(downloaded.resolve("dev.acme." + ns + ".PaymentMade.avsc")))
                .contains("\"quantity\"");
    }

    private FixtureBuild.Result register(FixtureBuild fixture, String url) {
        Map<String, String> props = new HashMap<>();
        props.put("schema.registry.url", url);
        return fixture.run(List.of("contracts:register"), props);
    }
}
