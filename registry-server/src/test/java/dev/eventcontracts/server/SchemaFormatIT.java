package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Confluent's {@code format} parameter on the schema-returning endpoints. {@code resolved} inlines referenced named
 * types at their first use, so the text parses with Avro's own parser alone; the fixture's references go two
 * levels deep ({@code Order} uses {@code LineItem}, which uses {@code Money}) and {@code Money} is used three times
 * in {@code Order} yet defined once.
 */
@WithRegistryOnKafka
class SchemaFormatIT {

    private static final String MONEY = "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"shop\",\"fields\":["
            + "{\"name\":\"amount\",\"type\":\"string\"},{\"name\":\"currency\",\"type\":\"string\"}]}";
    private static final String LINE_ITEM = "{\"type\":\"record\",\"name\":\"LineItem\",\"namespace\":\"shop\","
            + "\"fields\":[{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"price\",\"type\":\"Money\"}]}";
    private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":["
            + "{\"name\":\"items\",\"type\":{\"type\":\"array\",\"items\":\"LineItem\"}},"
            + "{\"name\":\"total\",\"type\":\"Money\"},"
            + "{\"name\":\"discount\",\"type\":[\"null\",\"Money\"],\"default\":null}]}";
    private static final String SHIPMENT = "{\"type\":\"record\",\"name\":\"Shipment\",\"namespace\":\"shop\","
            + "\"fields\":[{\"name\":\"line\",\"type\":\"LineItem\"}]}";

    /** What Confluent answers for {@code ORDER} with {@code format=resolved}: Avro's {@code Schema.toString()}. */
    private static final String ORDER_RESOLVED = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\","
            + "\"fields\":[{\"name\":\"items\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\","
            + "\"name\":\"LineItem\",\"fields\":[{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"price\","
            + "\"type\":{\"type\":\"record\",\"name\":\"Money\",\"fields\":[{\"name\":\"amount\",\"type\":\"string\"},"
            + "{\"name\":\"currency\",\"type\":\"string\"}]}}]}}},{\"name\":\"total\",\"type\":\"Money\"},"
            + "{\"name\":\"discount\",\"type\":[\"null\",\"Money\"],\"default\":null}]}";

    private final SharedRegistry registry;
    private final Rest rest;
    private int orderId;

    SchemaFormatIT(SharedRegistry registry) {
        this.registry = registry;
        this.rest = registry.rest();
    }

    @BeforeAll
    void registerMoneyLineItemOrderAndShipment() {
        assertThat(rest.register("money-value", MONEY).status()).isEqualTo(200);
        assertThat(rest.post("/subjects/line-value/versions", body(LINE_ITEM, "shop.Money", "money-value"))
                        .status())
                .isEqualTo(200);
        Rest.Answer order = rest.post(
                "/subjects/order-value/versions",
                body(ORDER, "shop.LineItem", "line-value", "shop.Money", "money-value"));
        assertThat(order.status()).as(order.text()).isEqualTo(200);
        orderId = order.json().get("id").asInt();
        assertThat(rest.post("/subjects/shipment-value/versions", body(SHIPMENT, "shop.LineItem", "line-value"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void versionSchema_resolved_inlinesEveryReferencedTypeAtItsFirstUseExactlyAsAvroWritesIt() {
        String resolved = rest.get("/subjects/order-value/versions/1/schema?format=resolved")
                .text();

        assertThat(resolved).isEqualTo(ORDER_RESOLVED);
        assertThat(occurrences(resolved, "\"name\":\"Money\",\"fields\"")).isEqualTo(1);
        assertThat(occurrences(resolved, "\"name\":\"LineItem\",\"fields\"")).isEqualTo(1);
    }

    @Test
    void resolved_parsesWithAvrosParserAloneAndEqualsWhatTheClientResolvesFromTheReferences() {
        String resolved = rest.get("/subjects/order-value/versions/1/schema?format=resolved")
                .text();

        Schema alone = new Schema.Parser().parse(resolved);

        try (SchemaRegistry client = SchemaRegistries.create(
                RegistryClientConfig.builder().urls(registry.server().url()).build())) {
            Schema clientSide = client.version("order-value", 1).schema().rawSchema();
            assertThat(alone).isEqualTo(clientSide);
            assertThat(resolved).isEqualTo(clientSide.toString());
            assertThat(client.schemaById(orderId).rawSchema().toString()).isEqualTo(resolved);
        }
    }

    @Test
    void resolved_referenceOnlyThroughAnotherReference_isInlinedTwoLevelsDeep() {
        String resolved = rest.get("/subjects/shipment-value/versions/latest/schema?format=resolved")
                .text();

        Schema shipment = new Schema.Parser().parse(resolved);
        assertThat(shipment.getField("line").schema().getField("price").schema().getFullName())
                .isEqualTo("shop.Money");
        assertThat(occurrences(resolved, "\"name\":\"Money\",\"fields\"")).isEqualTo(1);
    }

    @Test
    void versionEntry_resolved_changesOnlyTheSchemaAndKeepsReferencesAndGuid() {
        JsonNode plain = rest.get("/subjects/order-value/versions/1").json();
        JsonNode resolved =
                rest.get("/subjects/order-value/versions/1?format=resolved").json();

        assertThat(resolved.get("schema").asText()).isEqualTo(ORDER_RESOLVED);
        assertThat(fieldNames(resolved)).isEqualTo(fieldNames(plain));
        ObjectNode withoutSchema = ((ObjectNode) resolved.deepCopy())
                .put("schema", plain.get("schema").asText());
        assertThat(withoutSchema).isEqualTo(plain);
        assertThat(resolved.get("references")).hasSize(2);
    }

    @Test
    void schemaById_resolved_onTheEntryAndTheSchemaOnlyEndpoints() {
        JsonNode plain = rest.get("/schemas/ids/" + orderId).json();
        JsonNode resolved =
                rest.get("/schemas/ids/" + orderId + "?format=resolved").json();

        assertThat(resolved.get("schema").asText()).isEqualTo(ORDER_RESOLVED);
        assertThat(resolved.get("guid")).isEqualTo(plain.get("guid"));
        assertThat(resolved.get("references")).isEqualTo(plain.get("references"));
        assertThat(rest.get("/schemas/ids/" + orderId + "/schema?format=resolved")
                        .text())
                .isEqualTo(ORDER_RESOLVED);
        String guid = plain.get("guid").asText();
        assertThat(rest.get("/schemas/guids/" + guid + "?format=resolved")
                        .json()
                        .get("schema")
                        .asText())
                .isEqualTo(ORDER_RESOLVED);
    }

    @ParameterizedTest(name = "format={0}")
    @ValueSource(strings = {"RESOLVED", "Resolved"})
    void format_isCaseInsensitive(String format) {
        assertThat(rest.get("/subjects/order-value/versions/1/schema?format=" + format)
                        .text())
                .isEqualTo(ORDER_RESOLVED);
    }

    @ParameterizedTest(name = "format={0}")
    @ValueSource(strings = {"default", "DEFAULT", "serialized", "ignore_extensions", "no-such-format", "%20"})
    void format_defaultUnknownOrBlank_answersTheCanonicalTextWithReferencesByName(String format) {
        Rest.Answer answer = rest.get("/subjects/order-value/versions/1/schema?format=" + format);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo(ORDER);
    }

    @Test
    void format_onLookupAndOnRegisteringAnExistingSchema_formatsTheAnsweredSchema() {
        ObjectNode request = body(ORDER, "shop.LineItem", "line-value", "shop.Money", "money-value");

        assertThat(rest.post("/subjects/order-value?format=resolved", request)
                        .json()
                        .get("schema")
                        .asText())
                .isEqualTo(ORDER_RESOLVED);
        assertThat(rest.post("/subjects/order-value/versions?format=resolved", request)
                        .json()
                        .get("schema")
                        .asText())
                .isEqualTo(ORDER_RESOLVED);
    }

    @Test
    void resolved_schemaWithoutReferences_isTheStoredText() {
        assertThat(rest.get("/subjects/money-value/versions/1/schema?format=resolved")
                        .text())
                .isEqualTo(MONEY);
    }

    private static ObjectNode body(String schema, String... nameSubjectPairs) {
        ObjectNode body = Rest.schemaBody(schema);
        ArrayNode refs = body.putArray("references");
        for (int i = 0; i < nameSubjectPairs.length; i += 2) {
            refs.addObject()
                    .put("name", nameSubjectPairs[i])
                    .put("subject", nameSubjectPairs[i + 1])
                    .put("version", 1);
        }
        return body;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
