package dev.eventcontracts.server.clientit;

import static dev.eventcontracts.client.RegistryException.Kind.INVALID;
import static dev.eventcontracts.client.RegistryException.Kind.NOT_FOUND;
import static dev.eventcontracts.client.RegistryLookups.LATEST;
import static dev.eventcontracts.server.clientit.ClientFixture.registryError;
import static dev.eventcontracts.server.clientit.Contracts.avro;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client's soft and permanent deletes of versions and subjects, the {@code deleted}/{@code deletedOnly}
 * views, and references that block deletes, over real HTTP against this module's registry server on Kafka.
 */
@KafkaIntegrationTest
@WithKafka(registry = true)
class DeletesAgainstServerIT {

    private final Contracts c = Contracts.fresh();
    private final SchemaRegistryClient client;

    DeletesAgainstServerIT(RunningRegistry registry) {
        this.client = ClientFixture.restClient(registry.url());
    }

    @AfterEach
    void close() {
        client.close();
    }

    private String twoVersions(String name) {
        String s = c.subject(name);
        client.register(s, avro(c.record("Order", "a")), false);
        client.register(s, avro(c.recordWithInt("Order", "n", true, "a")), false);
        return s;
    }

    @Test
    void deleteVersion_soft_hidesTheVersionUnlessDeletedIsAsked() {
        String s = twoVersions("soft");

        assertThat(client.deleteVersion(s, 1, false)).isEqualTo(1);

        assertThat(client.versions(s)).containsExactly(2);
        assertThat(client.versions(s, true, false)).containsExactly(1, 2);
        assertThat(client.versions(s, false, true)).containsExactly(1);
        assertThat(client.version(s, 1, true).deleted()).isTrue();
        registryError(() -> client.version(s, 1), NOT_FOUND, 404, 40402);
    }

    @Test
    void deleteVersion_softThenPermanent_removesItForGood() {
        String s = twoVersions("hard");
        client.deleteVersion(s, 1, false);

        assertThat(client.deleteVersion(s, 1, true)).isEqualTo(1);

        assertThat(client.versions(s, true, false)).containsExactly(2);
        registryError(() -> client.version(s, 1, true), NOT_FOUND, 404, 40402);
    }

    @Test
    void deleteVersion_permanentWithoutSoftDeleteFirst_throwsNotFound40407() {
        String s = twoVersions("order");

        registryError(() -> client.deleteVersion(s, 1, true), NOT_FOUND, 404, 40407);
        assertThat(client.versions(s)).containsExactly(1, 2);
    }

    @Test
    void deleteVersion_softTwice_throwsNotFound40406_andUnknownVersionOrSubject40402Or40401() {
        String s = twoVersions("twice");
        client.deleteVersion(s, 1, false);

        registryError(() -> client.deleteVersion(s, 1, false), NOT_FOUND, 404, 40406);
        registryError(() -> client.deleteVersion(s, 9, false), NOT_FOUND, 404, 40402);
        registryError(() -> client.deleteVersion(c.subject("none"), 1, false), NOT_FOUND, 404, 40401);
    }

    @Test
    void deleteVersion_latest_deletesTheNewestLiveVersion() {
        String s = twoVersions("latest");

        assertThat(client.deleteVersion(s, LATEST, false)).isEqualTo(2);

        assertThat(client.latestVersion(s).version()).isEqualTo(1);
    }

    @Test
    void deleteSubject_soft_answersItsVersionsAndListsItOnlyAsDeleted() {
        String s = twoVersions("gone");
        client.register(c.subject("kept"), avro(c.money()), false);

        assertThat(client.deleteSubject(s, false)).containsExactly(1, 2);

        assertThat(client.subjects(c.subjectPrefix(), false, false)).containsExactly(c.subject("kept"));
        assertThat(client.subjects(c.subjectPrefix(), true, false)).containsExactly(s, c.subject("kept"));
        assertThat(client.subjects(c.subjectPrefix(), false, true)).containsExactly(s);
        registryError(() -> client.versions(s), NOT_FOUND, 404, 40401);
        assertThat(client.versions(s, true, false)).containsExactly(1, 2);
    }

    @Test
    void deleteSubject_permanentWithoutSoftDeleteFirst_throwsNotFound40405() {
        String s = twoVersions("notsoft");

        registryError(() -> client.deleteSubject(s, true), NOT_FOUND, 404, 40405);
        assertThat(client.versions(s)).containsExactly(1, 2);
    }

    @Test
    void deleteSubject_softTwice_throws40404_thenPermanentRemovesItForGood() {
        String s = twoVersions("purged");
        client.deleteSubject(s, false);

        registryError(() -> client.deleteSubject(s, false), NOT_FOUND, 404, 40404);
        assertThat(client.deleteSubject(s, true)).containsExactly(1, 2);

        assertThat(client.subjects(c.subjectPrefix(), true, false)).doesNotContain(s);
        registryError(() -> client.versions(s, true, false), NOT_FOUND, 404, 40401);
        registryError(() -> client.deleteSubject(s, true), NOT_FOUND, 404, 40401);
    }

    @Test
    void lookup_softDeletedVersion_isFoundOnlyWithDeletedTrue() {
        String s = twoVersions("hidden");
        client.deleteVersion(s, 1, false);

        registryError(() -> client.lookup(s, avro(c.record("Order", "a")), false, false), NOT_FOUND, 404, 40403);
        assertThat(client.lookup(s, avro(c.record("Order", "a")), false, true).version())
                .isEqualTo(1);
    }

    @Test
    void referencedBy_listsTheIdsOfTheSchemasReferencingAVersion() {
        String money = c.subject("money");
        client.register(money, avro(c.money()), false);
        int order = client.register(c.subject("order"), c.orderCreatedRequest(money, 1), false)
                .id();

        assertThat(client.referencedBy(money, 1)).containsExactly(order);
        assertThat(client.referencedBy(money, LATEST)).containsExactly(order);
        assertThat(client.referencedBy(c.subject("order"), 1)).isEmpty();
    }

    @Test
    void delete_referencedVersion_throwsInvalid42206UntilTheReferrerIsGone() {
        String money = c.subject("money");
        String order = c.subject("order");
        client.register(money, avro(c.money()), false);
        client.register(order, c.orderCreatedRequest(money, 1), false);

        registryError(() -> client.deleteVersion(money, 1, false), INVALID, 422, 42206);
        registryError(() -> client.deleteSubject(money, false), INVALID, 422, 42206);

        // a soft-deleted referrer no longer blocks a soft delete, but still blocks a permanent one
        client.deleteSubject(order, false);
        assertThat(client.deleteSubject(money, false)).containsExactly(1);
        registryError(() -> client.deleteSubject(money, true), INVALID, 422, 42206);
        client.deleteSubject(order, true);
        assertThat(client.deleteSubject(money, true)).containsExactly(1);
    }
}
