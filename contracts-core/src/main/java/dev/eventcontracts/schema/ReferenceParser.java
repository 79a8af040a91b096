package dev.eventcontracts.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Parses a schema together with the schema texts its references resolve to, in one Avro parser so that the
 * named types the references define are known when the schema (and later references) use them.
 *
 * <p>Registries hand over resolved references dependencies-first, but a caller that collected them from a
 * map may not. When the given order fails, the texts are ordered by trying each against the ones already
 * placed, each time in a fresh parser: an Avro parser that failed on an undefined name keeps the broken type
 * and fails every later parse.
 */
final class ReferenceParser {

    private ReferenceParser() {}

    /** The parsed main schema and the parsed referenced schemas, dependencies first. */
    record Parsed(Schema schema, List<Schema> referenced) {}

    static Parsed parse(String schemaText, Map<String, String> resolvedReferences) {
        try {
            return parseInOrder(schemaText, resolvedReferences);
        } catch (InvalidSchemaException e) {
            if (resolvedReferences.size() < 2) {
                throw e;
            }
            return parseInOrder(schemaText, dependenciesFirst(resolvedReferences));
        }
    }

    private static Parsed parseInOrder(String schemaText, Map<String, String> references) {
        Schema.Parser parser = newParser();
        List<Schema> referenced = new ArrayList<>(references.size());
        for (Map.Entry<String, String> ref : references.entrySet()) {
            try {
                referenced.add(parser.parse(ref.getValue()));
            } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
                throw new InvalidSchemaException(
                        "Invalid referenced schema '" + ref.getKey() + "': " + e.getMessage(), e);
            }
        }
        try {
            return new Parsed(parser.parse(schemaText), referenced);
        } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
            throw new InvalidSchemaException("Invalid schema " + schemaText + ", details: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> dependenciesFirst(Map<String, String> references) {
        Map<String, String> pending = new LinkedHashMap<>(references);
        Map<String, String> ordered = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            Map.Entry<String, String> placeable = null;
            for (Map.Entry<String, String> candidate : pending.entrySet()) {
                if (parsesAfter(ordered, candidate.getValue())) {
                    placeable = candidate;
                    break;
                }
            }
            if (placeable == null) {
                // none fits: report the first failure in the caller's order, in the parser's words
                parseInOrder("\"null\"", references);
                throw new InvalidSchemaException(
                        "Referenced schemas " + pending.keySet() + " use names that no reference defines", null);
            }
            ordered.put(placeable.getKey(), placeable.getValue());
            pending.remove(placeable.getKey());
        }
        return ordered;
    }

    private static boolean parsesAfter(Map<String, String> ordered, String text) {
        Schema.Parser parser = newParser();
        try {
            ordered.values().forEach(parser::parse);
            parser.parse(text);
            return true;
        } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Schema.Parser newParser() {
        return new Schema.Parser().setValidateDefaults(true);
    }
}
