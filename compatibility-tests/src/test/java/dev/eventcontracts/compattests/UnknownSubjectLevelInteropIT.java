package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
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
 * Against Apicurio Registry 3 ({@code /apis/ccompat/v7}) {@code contracts:register} registered the
 * seven type subjects of this repository's contracts and then failed on {@code order-events-key}, and the
 * registry gate ({@code verify -Dschema.registry.url=...}) failed on every subject not registered yet, both with
 * {@code HTTP 404 error_code 40401 ... GET .../config/order-events-key?defaultToGlobal=true}. Confluent answers
 * that call for an unknown subject with the global level; Apicurio answers "subject not found", and the plugin
 * took that answer for a failure instead of "no level of its own: the global one applies".
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class UnknownSubjectLevelInteropIT {

    @RegisterExtension
    static final Apicurio APICURIO = new Apicurio();

    RunningRegistry ours;

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void register_repositoryContracts_registersEverySubjectIncludingTheKeySubject(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        RepositoryContracts contracts = RepositoryContracts.isolated();

        FixtureBuild.Result result =
                contracts.fixture().run(List.of("contracts:register"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output())
                .containsSubsequence(
                        "Registered subject '" + contracts.type("Money") + "'",
                        "Registered subject '" + contracts.type("LineItem") + "'",
                        "Registered subject '" + contracts.type("OrderCreated") + "'",
                        "Registered subject '" + contracts.keySubject() + "'",
                        "Registered subject '" + contracts.valueSubject() + "'");
        try (SchemaRegistryClient rest = Interop.client(url)) {
            assertThat(rest.versions(contracts.keySubject(), false, false)).containsExactly(1);
            assertThat(rest.version(contracts.valueSubject(), 1, false).references())
                    .hasSize(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void registryGate_subjectsNotRegisteredYet_passWithAnInfoLine(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        RepositoryContracts contracts = RepositoryContracts.isolated();

        FixtureBuild.Result result = contracts.fixture().run(List.of("verify"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output())
                .contains(
                        "Subject '" + contracts.keySubject() + "' is not registered yet",
                        "Subject '" + contracts.valueSubject() + "' is not registered yet");
    }
}
