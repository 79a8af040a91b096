package dev.eventcontracts.server.internal.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteGuardTest {

    private final WriteGuard guard = new WriteGuard();

    @Test
    void check_idOfAnotherSchema_refusedNamingTheId() {
        guard.applied(new SchemaKey("a", 1), schema("a", 1, 7, "\"int\""));

        assertThatThrownBy(() -> guard.check(new SchemaKey("b", 1), schema("b", 1, 7, "\"long\"")))
                .isInstanceOf(WriteConflictException.class)
                .hasMessageContaining("schema id 7");
    }

    @Test
    void check_sameSchemaUnderAnotherSubjectWithItsId_allowed() {
        guard.applied(new SchemaKey("a", 1), schema("a", 1, 7, "\"int\""));

        assertThatCode(() -> guard.check(new SchemaKey("b", 1), schema("b", 1, 7, "\"int\"")))
                .doesNotThrowAnyException();
    }

    @Test
    void check_sameSchemaWithOtherReferences_isAnotherSchema() {
        guard.applied(new SchemaKey("a", 1), schema("a", 1, 7, "\"int\""));
        SchemaValue withReference =
                new SchemaValue("b", 1, 7, "AVRO", List.of(new SchemaReference("x.Y", "y", 1)), "\"int\"", false);

        assertThatThrownBy(() -> guard.check(new SchemaKey("b", 1), withReference))
                .isInstanceOf(WriteConflictException.class);
    }

    @Test
    void check_takenVersionWithAnotherSchema_refusedNamingSubjectAndVersion() {
        guard.applied(new SchemaKey("a", 1), schema("a", 1, 7, "\"int\""));

        assertThatThrownBy(() -> guard.check(new SchemaKey("a", 1), schema("a", 1, 8, "\"long\"")))
                .isInstanceOf(WriteConflictException.class)
                .hasMessageContaining("subject 'a' version 1");
    }

    @Test
    void check_softDeleteOfAVersion_allowed() {
        guard.applied(new SchemaKey("a", 1), schema("a", 1, 7, "\"int\""));

        assertThatCode(() -> guard.check(
                        new SchemaKey("a", 1), schema("a", 1, 7, "\"int\"").withDeleted(true)))
                .doesNotThrowAnyException();
    }

    @Test
    void check_versionAfterHardDelete_mayHoldANewSchema() {
        guard.applied(new SchemaKey("a", 1), schema("a", 1, 7, "\"int\""));
        guard.applied(new SchemaKey("a", 1), null);

        assertThatCode(() -> guard.check(new SchemaKey("a", 1), schema("a", 1, 8, "\"long\"")))
                .doesNotThrowAnyException();
    }

    @Test
    void check_hardDeletedId_stillBelongsToItsSchema() {
        guard.applied(new SchemaKey("a", 1), schema("a", 1, 7, "\"int\""));
        guard.applied(new SchemaKey("a", 1), null);

        assertThatThrownBy(() -> guard.check(new SchemaKey("b", 1), schema("b", 1, 7, "\"long\"")))
                .isInstanceOf(WriteConflictException.class);
    }

    @Test
    void check_nonSchemaRecords_neverRefused() {
        guard.applied(new SchemaKey("a", 1), schema("a", 1, 7, "\"int\""));

        assertThatCode(() -> {
                    guard.check(new ConfigKey("a"), new ConfigValue("a", "FULL"));
                    guard.check(new DeleteSubjectKey("a"), new DeleteSubjectValue("a", 1));
                    guard.check(new SchemaKey("a", 1), null);
                })
                .doesNotThrowAnyException();
    }

    private static SchemaValue schema(String subject, int version, int id, String schema) {
        return new SchemaValue(subject, version, id, "AVRO", List.of(), schema, false);
    }
}
