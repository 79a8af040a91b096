package dev.eventcontracts.server.clientit;

import static dev.eventcontracts.client.RegistryException.Kind.CONFLICT;
import static dev.eventcontracts.client.RegistryException.Kind.INVALID;
import static dev.eventcontracts.client.RegistryException.Kind.NOT_FOUND;
import static dev.eventcontracts.client.RegistryLookups.LATEST;
import static dev.eventcontracts.server.clientit.ClientFixture.registryError;
import static dev.eventcontracts.server.clientit.Contracts.avro;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.CompatibilityCheckResponse;
import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.RegisterSchemaResponse;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SchemaString;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.client.SubjectVersion;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.schema.AvroSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client's registrations, lookups, listings and compatibility checks, over real HTTP against this
 * module's registry server on a real Kafka broker (the JVM's shared {@code @WithKafka(registry = true)} pair).
 * Each test works in subjects and a namespace of its own.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
class RegistryClientAgainstServerIT {

    private final Contracts c = Contracts.fresh();
    private final SchemaRegistryClient client;

    RegistryClientAgainstServerIT(RunningRegistry registry) {
        this.client = ClientFixture.restClient(registry.url());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void register_newSchema_answersIdAndVersionOne_andAgainTheSameIdWithoutANewVersion() {
        String s = c.subject("money");

        RegisterSchemaResponse first = client.register(s, avro(c.money()), false);
        RegisterSchemaResponse again = client.register(s, avro(c.money()), false);

        assertThat(first.id()).isPositive();
        assertThat(first.version()).isEqualTo(1);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(client.versions(s)).containsExactly(1);
    }

    @Test
    void register_sameSchemaUnderTwoSubjects_sharesTheIdAndSubjectVersionsByIdListsBoth() {
        int id = client.register(c.subject("a"), avro(c.money()), false).id();

        assertThat(client.register(c.subject("b"), avro(c.money()), false).id()).isEqualTo(id);
        assertThat(client.subjectVersionsById(id))
                .containsExactlyInAnyOrder(
                        new SubjectVersion(c.subject("a"), 1), new SubjectVersion(c.subject("b"), 1));
    }

    @Test
    void register_withReference_storesItAndEveryReadAnswersTheReference() {
        String moneySubject = c.subject("money");
        String orderSubject = c.subject("order");
        client.register(moneySubject, avro(c.money()), false);

        int id = client.register(orderSubject, c.orderCreatedRequest(moneySubject, 1), false)
                .id();

        SubjectSchema latest = client.latestVersion(orderSubject);
        assertThat(latest.id()).isEqualTo(id);
        assertThat(latest.references()).containsExactly(c.moneyReference(moneySubject, 1));
        // stored as Avro writes it with the referenced type by name, never inlined
        assertThat(latest.schema())
                .isEqualTo(AvroSchema.parse(c.orderCreated(), latest.references(), Map.of(c.moneyName(), c.money()))
                        .canonicalString())
                .doesNotContain("currency");
        SchemaString byId = client.schemaById(id);
        assertThat(byId.references()).containsExactly(c.moneyReference(moneySubject, 1));
        assertThat(byId.schemaType()).isEqualTo("AVRO");
        assertThat(client.lookup(orderSubject, c.orderCreatedRequest(moneySubject, 1), false, false)
                        .id())
                .isEqualTo(id);
    }

    @Test
    void register_referenceToAMissingVersion_throwsInvalid42201() {
        String moneySubject = c.subject("money");
        client.register(moneySubject, avro(c.money()), false);

        registryError(
                () -> client.register(c.subject("order"), c.orderCreatedRequest(moneySubject, 7), false),
                INVALID,
                422,
                42201);
    }

    @Test
    void register_normalizeTrue_storesTheNormalizedFormAndVariantsShareOneVersion() {
        String s = c.subject("normalized");
        String unsorted = c.record("Tagged", "a").replace("]}", "],\"z-owner\":\"payments\",\"a-tier\":\"gold\"}");
        String sorted = c.record("Tagged", "a").replace("]}", "],\"a-tier\":\"gold\",\"z-owner\":\"payments\"}");

        int id = client.register(s, avro(unsorted), true).id();

        assertThat(client.register(s, avro(sorted), true).id()).isEqualTo(id);
        assertThat(client.versions(s)).containsExactly(1);
        assertThat(client.rawSchema(s, 1))
                .isEqualTo(AvroSchema.parse(unsorted).normalize().canonicalString());
        assertThat(client.lookup(s, avro(unsorted), true, false).id()).isEqualTo(id);
        registryError(() -> client.lookup(s, avro(unsorted), false, false), NOT_FOUND, 404, 40403);
    }

    @Test
    void register_incompatibleSchema_throwsConflict40901() {
        String s = c.subject("strict");
        client.register(s, avro(c.record("Order", "a")), false);

        RegistryException e =
                registryError(() -> client.register(s, avro(c.intField("Order")), false), CONFLICT, 409, 40901);

        assertThat(e.getMessage()).contains("incompatible");
        assertThat(client.versions(s)).containsExactly(1);
    }

    @Test
    void register_invalidSchema_throwsInvalid42201() {
        registryError(
                () -> client.register(c.subject("broken"), avro("{\"type\":\"record\",\"name\":\"X\"}"), false),
                INVALID,
                422,
                42201);
    }

    @Test
    void lookup_registeredSchema_answersSubjectVersionIdAndSchema() {
        String s = c.subject("orders");
        int id = client.register(s, avro(c.record("Order", "a")), false).id();
        client.register(s, avro(c.recordWithInt("Order", "n", true, "a")), false);

        SubjectSchema found = client.lookup(s, avro(c.record("Order", "a")), false, false);

        assertThat(found.subject()).isEqualTo(s);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.schema())
                .isEqualTo(AvroSchema.parse(c.record("Order", "a")).canonicalString());
    }

    @Test
    void lookup_unknownSubject_throwsNotFound40401() {
        registryError(() -> client.lookup(c.subject("nobody"), avro(c.money()), false, false), NOT_FOUND, 404, 40401);
    }

    @Test
    void lookup_schemaNotRegisteredUnderTheSubject_throwsNotFound40403() {
        String s = c.subject("orders");
        client.register(s, avro(c.record("Order", "a")), false);

        registryError(() -> client.lookup(s, avro(c.money()), false, false), NOT_FOUND, 404, 40403);
    }

    @Test
    void schemaById_answersTextAndType_unknownIdThrowsNotFound40403() {
        int id = client.register(c.subject("money"), avro(c.money()), false).id();

        SchemaString answer = client.schemaById(id);

        assertThat(answer.schema()).isEqualTo(AvroSchema.parse(c.money()).canonicalString());
        assertThat(answer.schemaType()).isEqualTo("AVRO");
        assertThat(answer.references()).isEmpty();
        registryError(() -> client.schemaById(Integer.MAX_VALUE), NOT_FOUND, 404, 40403);
    }

    @Test
    void versionsLatestAndRawSchema_answerEachVersion() {
        String s = c.subject("evolving");
        int v1 = client.register(s, avro(c.record("Order", "a")), false).id();
        int v2 = client.register(s, avro(c.recordWithInt("Order", "n", true, "a")), false)
                .id();

        assertThat(client.versions(s)).containsExactly(1, 2);
        SubjectSchema latest = client.latestVersion(s);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(latest.deleted()).isFalse();
        assertThat(client.version(s, 1).id()).isEqualTo(v1);
        assertThat(client.rawSchema(s, 1))
                .isEqualTo(AvroSchema.parse(c.record("Order", "a")).canonicalString());
        assertThat(client.rawSchema(s, LATEST))
                .isEqualTo(AvroSchema.parse(c.recordWithInt("Order", "n", true, "a"))
                        .canonicalString());
    }

    @Test
    void versionAndVersions_unknownVersionOrSubject_throwNotFound40402Or40401() {
        String s = c.subject("one");
        client.register(s, avro(c.money()), false);

        registryError(() -> client.version(s, 7), NOT_FOUND, 404, 40402);
        registryError(() -> client.rawSchema(s, 7), NOT_FOUND, 404, 40402);
        registryError(() -> client.versions(c.subject("none")), NOT_FOUND, 404, 40401);
        registryError(() -> client.latestVersion(c.subject("none")), NOT_FOUND, 404, 40401);
    }

    @Test
    void subjects_withPrefix_answersTheLiveSubjectsSorted() {
        client.register(c.subject("b"), avro(c.money()), false);
        client.register(c.subject("a"), avro(c.money()), false);

        assertThat(client.subjects(c.subjectPrefix(), false, false)).containsExactly(c.subject("a"), c.subject("b"));
        assertThat(client.subjects()).contains(c.subject("a"), c.subject("b"));
        assertThat(client.subjects(c.subjectPrefix() + "nothing", false, false)).isEmpty();
    }

    @Test
    void subject_withSlashColonAndSpace_travelsAsOneEncodedSegment() {
        String s = c.subject("ns/odd: name");

        int id = client.register(s, avro(c.money()), false).id();

        assertThat(client.subjects(c.subjectPrefix(), false, false)).containsExactly(s);
        assertThat(client.latestVersion(s).subject()).isEqualTo(s);
        assertThat(client.lookup(s, avro(c.money()), false, false).id()).isEqualTo(id);
        assertThat(client.deleteSubject(s, false)).containsExactly(1);
    }

    @Test
    void testCompatibility_againstLatest_answersTrueForACompatibleChangeAndFalseForABreakingOne() {
        String s = c.subject("checked");
        client.register(s, avro(c.record("Order", "a")), false);

        CompatibilityCheckResponse compatible =
                client.testCompatibility(s, LATEST, avro(c.recordWithInt("Order", "n", true, "a")), false, false);
        CompatibilityCheckResponse breaking =
                client.testCompatibility(s, LATEST, avro(c.intField("Order")), false, false);

        assertThat(compatible.isCompatible()).isTrue();
        assertThat(compatible.messages()).isEmpty();
        assertThat(breaking.isCompatible()).isFalse();
        assertThat(breaking.messages()).isEmpty();
        registryError(() -> client.testCompatibility(s, 9, avro(c.money()), false, false), NOT_FOUND, 404, 40402);
    }

    @Test
    void testCompatibilityAll_followsTheSubjectsLevel_transitiveChecksEveryVersion() {
        String s = c.subject("transitive");
        client.register(s, avro(c.record("Order", "a")), false);
        client.register(s, avro(c.recordWithInt("Order", "n", true, "a")), false);
        // n without a default reads v2's data but not v1's
        String candidate = c.recordWithInt("Order", "n", false, "a");

        assertThat(client.testCompatibility(s, LATEST, avro(candidate), false, false)
                        .isCompatible())
                .isTrue();
        assertThat(client.testCompatibilityAll(s, avro(candidate), false, false).isCompatible())
                .isTrue();
        client.updateSubjectConfig(s, CompatibilityUpdate.of("BACKWARD_TRANSITIVE"));
        assertThat(client.testCompatibilityAll(s, avro(candidate), false, false).isCompatible())
                .isFalse();
        assertThat(client.testCompatibility(s, 1, avro(candidate), false, false).isCompatible())
                .isFalse();
    }

    @Test
    void testCompatibility_verbose_explainsTheBreakNamingTheField() {
        String s = c.subject("verbose");
        client.register(s, avro(c.record("Order", "a")), false);
        String candidate = c.recordWithInt("Order", "quantity", false, "a");

        CompatibilityCheckResponse latest = client.testCompatibility(s, LATEST, avro(candidate), false, true);
        CompatibilityCheckResponse all = client.testCompatibilityAll(s, avro(candidate), false, true);

        assertThat(latest.isCompatible()).isFalse();
        assertThat(latest.messages())
                .anySatisfy(m -> assertThat(m)
                        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                        .contains("'quantity'"));
        assertThat(all.isCompatible()).isFalse();
        assertThat(all.messages()).anySatisfy(m -> assertThat(m).contains("'quantity'"));
        assertThat(client.testCompatibilityAll(s, avro(c.record("Order", "a")), false, true)
                        .messages())
                .isEmpty();
    }

    @Test
    void schemaTypes_answersAvro() {
        assertThat(client.schemaTypes()).isEqualTo(List.of("AVRO"));
    }
}
