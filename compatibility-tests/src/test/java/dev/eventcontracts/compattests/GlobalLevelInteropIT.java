package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.schema.AvroSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The interoperability suite, cases that need a global level of their own: the registries' global level is
 * set to {@code BACKWARD} (Confluent's default; a fresh Apicurio has {@code NONE}) and restored afterwards, so
 * the class runs isolated from every other test of the run.
 *
 * <p>Asked for the level of a subject that has none of its own, Apicurio 3 answers {@code NONE} where Confluent
 * answers 404 {@code 40408}. {@code register} took that {@code NONE} for the contract's level already set, never
 * set it, and the registry then refused a change the contract allows, because the subject still ran at the
 * global level.
 *
 * <p>Deleting a subject's level {@code NONE} leaves {@code NONE} in force on Apicurio 3 where Confluent applies
 * the global level again: {@code set-compatibility} reads the level back and says which one applies.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Isolated("sets the global compatibility level of the registries")
class GlobalLevelInteropIT {

    @RegisterExtension
    static final Apicurio APICURIO = new Apicurio();

    private static final String TOPICS = "schemas/topics.json";
    private static final String KEY_SCHEMA = "\"schema\": \"string\"";

    RunningRegistry ours;

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void register_contractAsksNoneForASubjectWithoutALevelOfItsOwn_setsNoneAndRegistersTheBreakingChange(
            Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String ns = Interop.uniqueName("g");
        String key = ns + "-key";
        try (SchemaRegistryClient rest = Interop.client(url)) {
            String global = rest.globalConfig().compatibilityLevel();
            rest.updateGlobalConfig(CompatibilityUpdate.of("BACKWARD"));
            try {
                // the key contract names no level: the key subject is registered without a level of its own
                FixtureBuild.Result first = register(FixtureBuild.of("_base").isolate(ns), url);
                assertThat(first.succeeded()).as(first.output()).isTrue();
                assertThat(rest.subjectConfig(key, true).compatibilityLevel()).isEqualTo("BACKWARD");

                // the contract now asks NONE for the key, and changes it in a way BACKWARD refuses
                FixtureBuild.Result result = register(
                        FixtureBuild.of("_base")
                                .isolate(ns)
                                .edit(TOPICS, KEY_SCHEMA, "\"schema\": \"long\", \"compatibility\": \"NONE\""),
                        url);

                assertThat(result.succeeded()).as(result.output()).isTrue();
                assertThat(result.output()).contains("Subject '" + key + "': compatibility set to NONE");
                assertThat(rest.subjectConfig(key, true).compatibilityLevel()).isEqualTo("NONE");
                assertThat(rest.versions(key, false, false)).containsExactly(1, 2);
            } finally {
                rest.updateGlobalConfig(CompatibilityUpdate.of(global));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource
    void setCompatibility_deletesTheLevelNoneOfASubject_saysWhichLevelTheRegistryNowApplies(Registry registry) {
        String url = APICURIO.urlOf(registry, ours);
        String subject = Interop.uniqueName("d") + "-value";
        try (SchemaRegistryClient rest = Interop.client(url)) {
            String global = rest.globalConfig().compatibilityLevel();
            rest.updateGlobalConfig(CompatibilityUpdate.of("BACKWARD"));
            try {
                rest.register(subject, RegisterSchemaRequest.of(AvroSchema.parse("\"string\"")), false);
                rest.updateSubjectConfig(subject, CompatibilityUpdate.of("NONE"));

                FixtureBuild.Result result = FixtureBuild.of("_base")
                        .edit(
                                "pom.xml",
                                "</topicContracts>",
                                "</topicContracts><compatibilityLevels><" + subject + ">null</" + subject
                                        + "></compatibilityLevels>")
                        .run(List.of("contracts:set-compatibility"), Map.of("schema.registry.url", url));

                assertThat(result.succeeded()).as(result.output()).isTrue();
                // Confluent's semantics: the global level applies. A registry that keeps the deleted NONE in
                // force (Apicurio 3) must not leave the subject unchecked silently: the goal warns, naming it.
                String inForce = rest.subjectConfig(subject, true).compatibilityLevel();
                assertThat(result.output())
                        .contains(
                                inForce.equals("BACKWARD")
                                        ? "[INFO] Deleted compatibility of subject '" + subject
                                                + "': the global level BACKWARD applies"
                                        : "[WARNING] Deleted compatibility of subject '" + subject
                                                + "', but the registry still applies " + inForce);
            } finally {
                rest.updateGlobalConfig(CompatibilityUpdate.of(global));
            }
        }
    }

    private static FixtureBuild.Result register(FixtureBuild fixture, String url) {
        return fixture.run(List.of("contracts:register"), Map.of("schema.registry.url", url));
    }
}
