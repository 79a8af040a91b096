package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import dev.eventcontracts.orders.OrderStatusChanged;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Proves that the released versions exchange data in both directions, and that a breaking change does not. */
class EvolutionTest {

    private final ReleasedContracts v1 = ReleasedContracts.load(1);
    private final ReleasedContracts v2 = ReleasedContracts.load(2);

    @Test
    void history_holdsBothReleases_andV2IsTheCurrentContract() {
        assertThat(ReleasedContracts.all())
                .extracting(ReleasedContracts::version)
                .containsExactly(1, 2);
        // the generated class's schema differs only by the avro.java.string property that stringType=String adds
        assertThat(SchemaNormalization.toParsingForm(
                        v2.type(OrderCreated.getClassSchema().getFullName())))
                .isEqualTo(SchemaNormalization.toParsingForm(OrderCreated.getClassSchema()));
        assertThat(SchemaNormalization.toParsingForm(
                        v1.type(OrderCreated.getClassSchema().getFullName())))
                .isNotEqualTo(SchemaNormalization.toParsingForm(OrderCreated.getClassSchema()));
    }

    @Test
    void v1Data_readWithV2Classes_fillsDefaults() {
        Schema v1Created = v1.type("dev.eventcontracts.orders.OrderCreated");
        byte[] bytes = AvroBinary.writeGeneric(v1Created, v1OrderCreated(v1Created));

        OrderCreated read = AvroBinary.readSpecific(bytes, v1Created, OrderCreated.getClassSchema());

        assertThat(read.getOrderId()).isEqualTo("o-v1");
        assertThat(read.getShippingAddress()).isNull();
        assertThat(read.getTotal().getAmount()).hasToString("12.30");
        assertThat(read.getItems())
                .singleElement()
                .satisfies(i -> assertThat(i.getQuantity()).isEqualTo(3));
    }

    @Test
    void v2Data_readWithV1Schemas_dropsNewFields() {
        Schema v1Created = v1.type("dev.eventcontracts.orders.OrderCreated");
        byte[] bytes = AvroBinary.writeSpecific(OrderCreated.getClassSchema(), SampleOrders.created("o-v2"));

        GenericRecord read = (GenericRecord) AvroBinary.readGeneric(bytes, OrderCreated.getClassSchema(), v1Created);

        assertThat(read.get("orderId")).hasToString("o-v2");
        assertThat(read.hasField("shippingAddress")).isFalse();
        assertThat(((GenericRecord) read.get("total")).get("amount")).isEqualTo(new BigDecimal("45.10"));
    }

    @Test
    void newStatusSymbol_readByV1_becomesTheEnumDefault() {
        Schema v1Changed = v1.type("dev.eventcontracts.orders.OrderStatusChanged");
        byte[] bytes = AvroBinary.writeSpecific(
                OrderStatusChanged.getClassSchema(),
                SampleOrders.statusChanged("o-5", OrderStatus.DELIVERED, OrderStatus.RETURNED));

        GenericRecord read =
                (GenericRecord) AvroBinary.readGeneric(bytes, OrderStatusChanged.getClassSchema(), v1Changed);

        assertThat(read.get("status")).hasToString("UNKNOWN");
        assertThat(read.get("previousStatus")).hasToString("DELIVERED");
    }

    @Test
    void v1UnionData_readWithV2Union() {
        TopicContract topic = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
        Schema v1Union = v1.valueUnion(topic);
        Schema v2Union = v2.valueUnion(topic);
        Schema v1Created = v1.type("dev.eventcontracts.orders.OrderCreated");

        GenericRecord read = (GenericRecord)
                AvroBinary.readGeneric(AvroBinary.writeGeneric(v1Union, v1OrderCreated(v1Created)), v1Union, v2Union);

        assertThat(read.getSchema().getFullName()).isEqualTo("dev.eventcontracts.orders.OrderCreated");
        assertThat(read.get("shippingAddress")).isNull();
    }

    @Test
    void releasedVersions_areMutuallyCompatible_perAvro() {
        for (String type : v1.types().keySet()) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v2.type(type), v1.type(type))
                            .getType())
                    .as("v2 reads v1 %s", type)
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1.type(type), v2.type(type))
                            .getType())
                    .as("v1 reads v2 %s", type)
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void requiredFieldAdded_failsResolution() {
        Schema v1Created = v1.type("dev.eventcontracts.orders.OrderCreated");
        Schema broken = withRequiredField(OrderCreated.getClassSchema(), "channel");
        byte[] bytes = AvroBinary.writeGeneric(v1Created, v1OrderCreated(v1Created));

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(broken, v1Created)
                        .getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
        assertThatThrownBy(() -> AvroBinary.readGeneric(bytes, v1Created, broken))
                .isInstanceOf(AvroTypeException.class)
                .hasMessageContaining("channel");
    }

    private static Schema withRequiredField(Schema record, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field(name, SchemaBuilder.builder().stringType(), "a new required field"));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static GenericRecord v1OrderCreated(Schema v1Created) {
        Schema item = v1Created.getField("items").schema().getElementType();
        Schema money = v1Created.getField("total").schema();
        GenericRecord price = new GenericData.Record(money);
        price.put("amount", new BigDecimal("4.10"));
        price.put("currency", "EUR");
        GenericRecord line = new GenericData.Record(item);
        line.put("productId", "sku-9");
        line.put("quantity", 3);
        line.put("unitPrice", price);
        GenericRecord total = new GenericData.Record(money);
        total.put("amount", new BigDecimal("12.30"));
        total.put("currency", "EUR");
        GenericRecord created = new GenericData.Record(v1Created);
        created.put("eventId", "evt-1");
        created.put("orderId", "o-v1");
        created.put("customerId", "cust-1");
        created.put("items", List.of(line));
        created.put("total", total);
        created.put("createdAt", SampleOrders.AT);
        return created;
    }
}
