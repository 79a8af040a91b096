package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eventcontracts.schema.AvroSchema;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    private static final AvroSchema INT = AvroSchema.parse("\"int\"");
    private static final AvroSchema LONG = AvroSchema.parse("\"long\"");
    private static final AvroSchema WITH_PROPS_BA =
            AvroSchema.parse("{\"type\":\"record\",\"name\":\"R\",\"b\":\"2\",\"a\":\"1\",\"fields\":[]}");
    private static final AvroSchema WITH_PROPS_AB =
            AvroSchema.parse("{\"type\":\"record\",\"name\":\"R\",\"a\":\"1\",\"b\":\"2\",\"fields\":[]}");

    private final SchemaRegistry registry = SchemaRegistries.inMemory();

    @Test
    void register_sameSchemaTwice_returnsSameIdAndKeepsOneVersion() {
        int id = registry.register("s", INT, false);

        assertThat(registry.register("s", INT, false)).isEqualTo(id).isEqualTo(1);
        assertThat(registry.latest("s").version()).isEqualTo(1);
    }

    @Test
    void register_sameSchemaUnderAnotherSubject_sameIdAndVersionOneThere() {
        int id = registry.register("a", INT, false);

        assertThat(registry.register("b", INT, false)).isEqualTo(id);
        assertThat(registry.version("b", 1)).isEqualTo(new RegisteredVersion("b", 1, id, INT));
    }

    @Test
    void register_newSchemaOfASubject_getsNextIdAndNextVersion() {
        registry.register("s", INT, false);

        int id = registry.register("s", LONG, false);

        assertThat(id).isEqualTo(2);
        assertThat(registry.latest("s")).isEqualTo(new RegisteredVersion("s", 2, 2, LONG));
        assertThat(registry.version("s", RegistryLookups.LATEST)).isEqualTo(registry.latest("s"));
        assertThat(registry.schemaById(1)).isEqualTo(INT);
    }

    @Test
    void register_normalize_findsSchemasThatDifferOnlyInPropertyOrder() {
        int id = registry.register("s", WITH_PROPS_BA, true);

        assertThat(registry.register("s", WITH_PROPS_AB, true)).isEqualTo(id);
        assertThat(registry.idOf("s", WITH_PROPS_AB, true)).isEqualTo(id);
        assertThat(registry.latest("s").version()).isEqualTo(1);
    }

    @Test
    void idOf_unknownSubject_failsWith40401() {
        assertNotFound(() -> registry.idOf("nope", INT, false), 40401, "Subject 'nope' not found.");
    }

    @Test
    void idOf_schemaNotUnderTheSubject_failsWith40403() {
        registry.register("s", INT, false);
        registry.register("t", LONG, false);

        assertNotFound(() -> registry.idOf("s", LONG, false), 40403, "Schema not found");
    }

    @Test
    void schemaById_unknownId_failsWith40403() {
        assertNotFound(() -> registry.schemaById(7), 40403, "Schema 7 not found");
    }

    @Test
    void version_unknownVersion_failsWith40402_andUnknownSubjectWith40401() {
        registry.register("s", INT, false);

        assertNotFound(() -> registry.version("s", 2), 40402, "Version 2 not found.");
        assertNotFound(() -> registry.latest("t"), 40401, "Subject 't' not found.");
    }

    @Test
    void close_keepsTheSchemas() {
        int id = registry.register("s", INT, false);

        registry.close();

        assertThat(registry.idOf("s", INT, false)).isEqualTo(id);
    }

    private static void assertNotFound(ThrowingCallable call, int errorCode, String message) {
        RegistryException e = catchThrowableOfType(RegistryException.class, call);
        assertThat(e).as("a RegistryException").isNotNull();
        assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_FOUND);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(errorCode);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
