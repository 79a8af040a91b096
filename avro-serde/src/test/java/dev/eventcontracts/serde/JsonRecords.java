package dev.eventcontracts.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecordBuilder;

/**
 * Builds a GenericRecord from the JSON that {@code GenericData.toString} prints (as the fixture records values),
 * guided by the schema: decimals become BigDecimal at the schema's scale, absent fields take their defaults.
 */
final class JsonRecords {

    private JsonRecords() {}

    static GenericData.Record record(Schema schema, String json) {
        try {
            return (GenericData.Record) datum(schema, new ObjectMapper().readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object datum(Schema schema, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (schema.getType()) {
            case RECORD -> {
                GenericRecordBuilder builder = new GenericRecordBuilder(schema);
                for (Schema.Field field : schema.getFields()) {
                    if (node.has(field.name())) {
                        builder.set(field, datum(field.schema(), node.get(field.name())));
                    }
                }
                yield builder.build();
            }
            case UNION ->
                datum(
                        schema.getTypes().stream()
                                .filter(t -> t.getType() != Schema.Type.NULL)
                                .findFirst()
                                .orElseThrow(),
                        node);
            case BYTES ->
                schema.getLogicalType() instanceof LogicalTypes.Decimal decimal
                        ? node.decimalValue().setScale(decimal.getScale(), RoundingMode.UNNECESSARY)
                        : new BigDecimal(node.asText());
            case INT -> node.asInt();
            case LONG -> node.asLong();
            case STRING -> node.asText();
            case BOOLEAN -> node.asBoolean();
            case DOUBLE -> node.asDouble();
            default -> throw new IllegalArgumentException("no fixture value of type " + schema.getType());
        };
    }
}
