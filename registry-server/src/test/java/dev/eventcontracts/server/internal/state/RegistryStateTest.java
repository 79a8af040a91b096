package dev.eventcontracts.server.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.schema.SchemaReference;
import dev.eventcontracts.server.internal.store.ClearSubjectKey;
import dev.eventcontracts.server.internal.store.ClearSubjectValue;
import dev.eventcontracts.server.internal.store.ConfigKey;
import dev.eventcontracts.server.internal.store.ConfigValue;
import dev.eventcontracts.server.internal.store.DeleteSubjectKey;
import dev.eventcontracts.server.internal.store.DeleteSubjectValue;
import dev.eventcontracts.server.internal.store.ModeKey;
import dev.eventcontracts.server.internal.store.ModeValue;
import dev.eventcontracts.server.internal.store.NoopKey;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryStateTest {

    private final RegistryState state = new RegistryState(Clock.fixed(Instant.ofEpochMilli(42), ZoneOffset.UTC));

    private void put(String subject, int version, int id, String schema, boolean deleted) {
        state.apply(
                new SchemaKey(subject, version),
                new SchemaValue(subject, version, id, "AVRO", List.of(), schema, deleted));
    }

    @Test
    void schemaValue_addsTheVersionTheIdAndTheGuid() {
        put("s", 1, 7, "\"string\"", false);

        SchemaVersion v = state.subject("s").orElseThrow().version(1).orElseThrow();
        assertThat(v.id()).isEqualTo(7);
        assertThat(v.guid()).isEqualTo("095d71cf-1255-6b9d-5e33-0ad575b3df5d");
        assertThat(v.timestamp()).isEqualTo(42);
        assertThat(state.idByGuid(v.guid())).contains(7);
        assertThat(state.maxId()).isEqualTo(7);
    }

    @Test
    void deletedSchemaValue_isASoftDelete() {
        put("s", 1, 1, "\"int\"", false);
        put("s", 1, 1, "\"int\"", true);

        SubjectVersions s = state.subject("s").orElseThrow();
        assertThat(s.version(1).orElseThrow().deleted()).isTrue();
        assertThat(s.hasLive()).isFalse();
        assertThat(state.schemaById(1)).isPresent();
    }

    @Test
    void schemaTombstone_isAHardDeleteAndDropsAnIdNoVersionHolds() {
        put("s", 1, 3, "\"int\"", true);

        state.apply(new SchemaKey("s", 1), null);

        assertThat(state.subject("s")).isEmpty();
        assertThat(state.schemaById(3)).isEmpty();
        assertThat(state.maxId()).as("ids never go back").isEqualTo(3);
        assertThat(state.hardDeleteGeneration()).isEqualTo(1);
    }

    @Test
    void deleteSubject_softDeletesEveryVersionUpToItsVersion() {
        put("s", 1, 1, "\"int\"", false);
        put("s", 2, 2, "\"long\"", false);
        put("s", 3, 3, "\"float\"", false);

        state.apply(new DeleteSubjectKey("s"), new DeleteSubjectValue("s", 2));

        SubjectVersions s = state.subject("s").orElseThrow();
        assertThat(s.deleted()).extracting(SchemaVersion::version).containsExactly(1, 2);
        assertThat(s.latestLive().orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void clearSubject_dropsItsSoftDeletedVersions() {
        put("s", 1, 1, "\"int\"", true);
        put("s", 2, 2, "\"long\"", false);

        state.apply(new ClearSubjectKey("s"), new ClearSubjectValue("s"));

        assertThat(state.subject("s").orElseThrow().all())
                .extracting(SchemaVersion::version)
                .containsExactly(2);
    }

    @Test
    void sameIdUnderTwoSubjects_answersInConfluentsOrder() {
        put("status-value", 1, 6, "\"int\"", false);
        put("status-copy-value", 1, 6, "\"int\"", false);
        put("simple-value", 2, 8, "\"long\"", false);
        put("fixture.orders.Simple", 1, 8, "\"long\"", false);

        assertThat(state.schemaById(6).orElseThrow().subjectVersions())
                .extracting(Map.Entry::getKey)
                .containsExactly("status-value", "status-copy-value");
        assertThat(state.holderOf(state.schemaById(8).orElseThrow(), null).subject())
                .isEqualTo("fixture.orders.Simple");
        assertThat(state.holderOf(state.schemaById(8).orElseThrow(), "simple-value")
                        .subject())
                .isEqualTo("simple-value");
    }

    @Test
    void schemaByIdAnswer_followsSoftDeletes() {
        put("s", 1, 1, "\"int\"", false);
        String live = new String(state.schemaByIdJson(state.schemaById(1).orElseThrow()));

        put("s", 1, 1, "\"int\"", true);

        assertThat(live).contains("\"deleted\":false");
        assertThat(new String(state.schemaByIdJson(state.schemaById(1).orElseThrow())))
                .contains("\"deleted\":true");
    }

    @Test
    void schemaByIdAnswer_cachedThenSecondHolderAddedAndFirstHardDeleted_answersTheNewHolder() {
        put("a", 1, 1, "\"int\"", false);
        SchemaIdEntry entry = state.schemaById(1).orElseThrow();
        assertThat(new String(state.schemaByIdJson(entry))).contains("\"subject\":\"a\"");

        put("b", 1, 1, "\"int\"", false);
        state.apply(new SchemaKey("a", 1), null);

        assertThat(new String(state.schemaByIdJson(entry))).contains("\"subject\":\"b\"");
    }

    @Test
    void configAndMode_valuesSetAndTombstonesRemove() {
        state.apply(new ConfigKey(null), new ConfigValue(null, "FULL"));
        state.apply(new ConfigKey("s"), new ConfigValue("s", "NONE"));
        state.apply(new ModeKey("s"), new ModeValue("s", "READONLY"));
        assertThat(state.globalLevel()).contains("FULL");
        assertThat(state.subjectLevel("s")).contains("NONE");
        assertThat(state.subjectMode("s")).contains("READONLY");

        state.apply(new ConfigKey("s"), null);
        state.apply(new ModeKey("s"), null);
        state.apply(new ConfigKey(null), null);

        assertThat(state.subjectLevel("s")).isEmpty();
        assertThat(state.subjectMode("s")).isEmpty();
        assertThat(state.globalLevel()).isEmpty();
    }

    @Test
    void noop_changesNothingButCounts() {
        state.apply(new NoopKey(), null);

        assertThat(state.subjects()).isEmpty();
        assertThat(state.appliedRecords()).isEqualTo(1);
    }

    @Test
    void referrers_findEveryVersionReferencingAVersion() {
        put("money", 1, 1, "{\"type\":\"fixed\",\"name\":\"M\",\"size\":2}", false);
        state.apply(
                new SchemaKey("order", 1),
                new SchemaValue(
                        "order", 1, 2, "AVRO", List.of(new SchemaReference("M", "money", 1)), "\"int\"", false));

        assertThat(state.referrers("money", 1)).extracting(SchemaVersion::id).containsExactly(2);
        assertThat(state.referrers("money", 2)).isEmpty();
    }
}
