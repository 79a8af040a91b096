package dev.eventcontracts.maven.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ExamplePayloadTest {

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    @Test
    void of_orderCreated_hasEveryFieldWithLogicalValuesAsPeopleReadThem() throws Exception {
        Schema created = RepoContracts.read().schema(RepoContracts.NS + "OrderCreated");

        JsonNode example = ExamplePayload.of(created);

        List<String> names = new ArrayList<>();
        example.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactlyElementsOf(
                        created.getFields().stream().map(Schema.Field::name).toList());
        assertThat(example.at("/createdAt").asText()).isEqualTo("2026-01-01T12:00:00Z");
        assertThat(example.at("/total/amount").decimalValue().scale()).isEqualTo(2);
        assertThat(example.at("/shippingAddress").isObject()).isTrue();
        assertThat(example.at("/items").isArray()).isTrue();
    }

    @Test
    void of_enumWithDefault_showsAWrittenSymbolNotTheReadersFallback() {
        Schema status =
                parse("{\"type\":\"enum\",\"name\":\"S\",\"symbols\":[\"UNKNOWN\",\"NEW\"],\"default\":\"UNKNOWN\"}");

        assertThat(ExamplePayload.of(status).asText()).isEqualTo("NEW");
    }

    @Test
    void of_recursiveRecord_stopsWithNullInsteadOfOverflowing() {
        Schema node =
                parse("{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"label\",\"type\":\"string\"},"
                        + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"],\"default\":null}]}");

        JsonNode example = ExamplePayload.of(node);

        assertThat(example.at("/label").asText()).isEqualTo("label-1");
        assertThat(example.at("/next").isNull()).isTrue();
    }
}
