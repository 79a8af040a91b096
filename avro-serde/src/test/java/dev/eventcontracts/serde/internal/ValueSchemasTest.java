package dev.eventcontracts.serde.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.orders.OrderStatus;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class ValueSchemasTest {

    private static final Schema RECORD =
            SchemaBuilder.record("Thing").fields().requiredString("name").endRecord();

    @Test
    void generatedRecord_isSpecific_withItsClassSchema() {
        OrderCreated order = new OrderCreated();

        assertThat(ValueSchemas.of(order)).isSameAs(OrderCreated.getClassSchema());
        assertThat(ValueSchemas.isSpecific(order)).isTrue();
    }

    @Test
    void genericRecord_isNotSpecific_withItsOwnSchemaObject() {
        GenericData.Record record = new GenericData.Record(RECORD);

        assertThat(ValueSchemas.of(record)).isSameAs(RECORD);
        assertThat(ValueSchemas.isSpecific(record)).isFalse();
    }

    @Test
    void specificRecordNotExtendingTheBaseClass_isStillSpecific() {
        SpecificRecord handWritten = new HandWrittenRecord();

        assertThat(ValueSchemas.of(handWritten)).isSameAs(RECORD);
        assertThat(ValueSchemas.isSpecific(handWritten)).isTrue();
    }

    @Test
    void otherContainers_areNotSpecific_andGiveTheirSchema() {
        Schema fixedSchema = SchemaBuilder.fixed("Two").size(2);
        GenericData.Fixed fixed = new GenericData.Fixed(fixedSchema, new byte[2]);
        GenericData.EnumSymbol symbol = new GenericData.EnumSymbol(OrderStatus.getClassSchema(), "PAID");

        assertThat(ValueSchemas.of(fixed)).isSameAs(fixedSchema);
        assertThat(ValueSchemas.of(symbol)).isSameAs(OrderStatus.getClassSchema());
        assertThat(ValueSchemas.isSpecific(fixed)).isFalse();
        assertThat(ValueSchemas.isSpecific(symbol)).isFalse();
    }

    @Test
    void primitives_givePrimitiveSchemas_andUnsupportedTypesAreNamed() {
        assertThat(ValueSchemas.of("text").getType()).isEqualTo(Schema.Type.STRING);
        assertThat(ValueSchemas.of(7L).getType()).isEqualTo(Schema.Type.LONG);
        assertThat(ValueSchemas.of(ByteBuffer.allocate(1)).getType()).isEqualTo(Schema.Type.BYTES);
        assertThat(ValueSchemas.isSpecific("text")).isFalse();
        assertThatThrownBy(() -> ValueSchemas.of(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported type java.lang.Object");
    }

    /** A SpecificRecord written by hand, as some code generators do, without Avro's base class. */
    private static final class HandWrittenRecord implements SpecificRecord {
        private Object name = "x";

        @Override
        public void put(int i, Object v) {
            name = v;
        }

        @Override
        public Object get(int i) {
            return name;
        }

        @Override
        public Schema getSchema() {
            return RECORD;
        }
    }
}
