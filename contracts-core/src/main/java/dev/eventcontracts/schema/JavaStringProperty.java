package dev.eventcontracts.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * Removes the {@code avro.java.string} property that avro-maven-plugin adds to every string type when it
 * generates classes with {@code stringType=String}.
 *
 * <p>The property only tells Java code generation which class to use; it is not part of the contract. Left in
 * place, a generated class's {@code SCHEMA$} differs from the {@code .avsc} it came from, and registering it
 * creates a new schema id (a long-standing complaint about Confluent's serializer, which strips it only with
 * {@code avro.remove.java.properties=true}). Default values are left untouched: only schema nodes are walked.
 */
final class JavaStringProperty {

    static final String NAME = "avro.java.string";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JavaStringProperty() {}

    /** Returns the schema without the property anywhere in its types, or the same instance if it had none. */
    static Schema strip(Schema schema) {
        String text = schema.toString();
        if (!text.contains('"' + NAME + '"')) {
            return schema;
        }
        try {
            JsonNode tree = MAPPER.readTree(text);
            stripTypes(tree);
            return new Schema.Parser().setValidateDefaults(false).parse(MAPPER.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new InvalidSchemaException(
                    "Cannot re-read schema " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    private static void stripTypes(JsonNode type) {
        if (type == null) {
            return;
        }
        if (type.isArray()) {
            type.forEach(JavaStringProperty::stripTypes);
            return;
        }
        if (!(type instanceof ObjectNode node)) {
            return;
        }
        node.remove(NAME);
        JsonNode nested = node.get("type");
        if (nested != null && nested.isContainerNode()) {
            stripTypes(nested);
        }
        for (String child : new String[] {"items", "values"}) {
            if (node.has(child)) {
                stripTypes(node.get(child));
            }
        }
        JsonNode fields = node.get("fields");
        if (fields != null && fields.isArray()) {
            for (JsonNode field : fields) {
                if (field instanceof ObjectNode f) {
                    f.remove(NAME);
                    stripTypes(f.get("type"));
                }
            }
        }
    }
}
