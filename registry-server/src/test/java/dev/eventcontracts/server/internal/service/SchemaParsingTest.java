package dev.eventcontracts.server.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.schema.SchemaReference;
import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.store.SchemaKey;
import dev.eventcontracts.server.internal.store.SchemaValue;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaParsingTest {

    private final RegistryState state = new RegistryState(Clock.systemUTC());
    private final SchemaParsing parsing = new SchemaParsing(state, 1_000, 100);

    private static SchemaRequest request(String schema, SchemaReference... refs) {
        return new SchemaRequest(schema, null, List.of(refs), null, null);
    }

    @Test
    void parse_sameTextTwice_answersTheCachedResult() {
        SchemaParsing.Parsed first = parsing.parse(request("{\"type\": \"string\"}"), false);

        assertThat(parsing.parse(request("{\"type\": \"string\"}"), false)).isSameAs(first);
        assertThat(first.canonical()).isEqualTo("\"string\"");
    }

    @Test
    void parse_reference_resolvesAgainstTheState() {
        state.apply(
                new SchemaKey("money", 1),
                new SchemaValue(
                        "money",
                        1,
                        1,
                        "AVRO",
                        List.of(),
                        "{\"type\":\"fixed\",\"name\":\"Money\",\"namespace\":\"t\",\"size\":8}",
                        false));

        SchemaParsing.Parsed parsed = parsing.parse(
                request(
                        "{\"type\":\"record\",\"name\":\"O\",\"namespace\":\"t\","
                                + "\"fields\":[{\"name\":\"m\",\"type\":\"t.Money\"}]}",
                        new SchemaReference("t.Money", "money", 1)),
                false);

        assertThat(parsed.canonical()).contains("\"type\":\"Money\"");
        assertThat(parsed.references()).hasSize(1);
    }

    @Test
    void parse_invalidSchema_answers42201() {
        assertThatThrownBy(() -> parsing.parse(request("{\"type\":\"record\",\"name\":\"R\"}"), false))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_SCHEMA));
    }

    @Test
    void parse_longerThanTheLimit_answers42209() {
        String tooLong = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"" + "A".repeat(2_000) + "\"]}";

        assertThatThrownBy(() -> parsing.parse(request(tooLong), false))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.SCHEMA_TOO_LARGE));
    }

    @Test
    void parse_normalize_makesEquivalentSchemasEqual() {
        SchemaParsing.Parsed a = parsing.parse(request("{\"type\":\"string\",\"b\":1,\"a\":2}"), true);
        SchemaParsing.Parsed b = parsing.parse(request("{\"type\":\"string\",\"a\":2,\"b\":1}"), true);

        assertThat(a.guid()).isEqualTo(b.guid());
    }
}
