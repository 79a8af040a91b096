package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventcontracts.schema.SchemaReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes and decodes the keys and values of the store topic exactly as Confluent Schema Registry writes them
 * (UTF-8 JSON, Confluent's field order, Jackson's escaping, empty fields left out). Ground truth: the topic a real
 * Confluent 8.3.1 registry wrote, kept as the test resource {@code confluent-8.3.1/_schemas.jsonl}.
 *
 * <p>Value fields this registry does not model are kept in {@link RegistryValue#extras()} and written back where
 * Confluent writes them: a known Confluent field at its place in Confluent's order, any other field after the
 * modelled ones, in the order it was read. So a record Confluent wrote re-encodes to the same bytes.
 *
 * <p>Thread-safe and stateless apart from its JSON mapper.
 */
public final class RecordCodec {

    /** Confluent's SchemaValue fields written before {@code schemaType} (besides subject, version, id). */
    private static final List<String> SCHEMA_BEFORE_TYPE = List.of("guid", "md5");
    /** Confluent's SchemaValue fields written between {@code references} and {@code schema}. */
    private static final List<String> SCHEMA_BEFORE_SCHEMA = List.of("metadata", "ruleSet");
    /** Confluent's ConfigValue fields written between {@code subject} and {@code compatibilityLevel}. */
    private static final List<String> CONFIG_BEFORE_LEVEL =
            List.of("alias", "normalize", "validateFields", "validateRules");

    private static final Set<String> SCHEMA_MODELLED =
            Set.of("subject", "version", "id", "schemaType", "references", "schema", "deleted");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = mapper.getFactory();

    // ---------------------------------------------------------------- keys

    /** The key's bytes, byte-identical to Confluent's. */
    public byte[] encodeKey(RegistryKey key) {
        return write(g -> {
            g.writeStartObject();
            if (key instanceof SchemaKey k) {
                g.writeStringField("keytype", "SCHEMA");
                g.writeStringField("subject", k.subject());
                g.writeNumberField("version", k.version());
                g.writeNumberField("magic", 1);
            } else {
                g.writeStringField("keytype", keyType(key));
                String subject = subjectOf(key);
                if (subject != null) {
                    g.writeStringField("subject", subject);
                }
                g.writeNumberField("magic", 0);
            }
            g.writeEndObject();
        });
    }

    /**
     * Decodes a key.
     *
     * @throws RecordFormatException if the bytes are not a key of a type this registry knows
     */
    public RegistryKey decodeKey(byte[] key) {
        if (key == null) {
            throw new RecordFormatException("record without a key");
        }
        ObjectNode node = readObject(key, "key");
        String type = text(node, "keytype");
        if (type == null) {
            throw new RecordFormatException("key without keytype: " + utf8(key));
        }
        String subject = text(node, "subject");
        return switch (type) {
            case "SCHEMA" -> new SchemaKey(required(subject, "subject", key), requiredInt(node, "version", key));
            case "CONFIG" -> new ConfigKey(subject);
            case "MODE" -> new ModeKey(subject);
            case "DELETE_SUBJECT" -> new DeleteSubjectKey(required(subject, "subject", key));
            case "CLEAR_SUBJECT" -> new ClearSubjectKey(required(subject, "subject", key));
            case "NOOP" -> new NoopKey();
            default -> throw new RecordFormatException("unsupported keytype " + type + ": " + utf8(key));
        };
    }

    // ---------------------------------------------------------------- values

    /** The value's bytes, byte-identical to Confluent's; null (a tombstone) for null. */
    public byte[] encodeValue(RegistryValue value) {
        if (value == null) {
            return null;
        }
        return write(g -> {
            g.writeStartObject();
            if (value instanceof SchemaValue v) {
                writeSchemaValue(g, v);
            } else if (value instanceof ConfigValue v) {
                ObjectNode extras = v.extras();
                writeSubject(g, v.subject());
                writeTaken(g, extras, CONFIG_BEFORE_LEVEL);
                if (v.compatibilityLevel() != null) {
                    g.writeStringField("compatibilityLevel", v.compatibilityLevel());
                }
                writeRest(g, extras);
            } else if (value instanceof ModeValue v) {
                writeSubject(g, v.subject());
                if (v.mode() != null) {
                    g.writeStringField("mode", v.mode());
                }
                writeRest(g, v.extras());
            } else if (value instanceof DeleteSubjectValue v) {
                writeSubject(g, v.subject());
                g.writeNumberField("version", v.version());
                writeRest(g, v.extras());
            } else if (value instanceof ClearSubjectValue v) {
                writeSubject(g, v.subject());
                writeRest(g, v.extras());
            }
            g.writeEndObject();
        });
    }

    /**
     * Decodes the value of a record with the given key.
     *
     * @param key the record's decoded key
     * @param value the value bytes; null for a tombstone
     * @return the value; null for a tombstone and for a NOOP record
     * @throws RecordFormatException if the bytes are not a value of the key's type
     */
    public RegistryValue decodeValue(RegistryKey key, byte[] value) {
        if (value == null || key instanceof NoopKey) {
            return null;
        }
        ObjectNode node = readObject(value, "value");
        if (key instanceof SchemaKey) {
            return decodeSchemaValue(node, value);
        }
        if (key instanceof ConfigKey) {
            String subject = take(node, "subject");
            String level = take(node, "compatibilityLevel");
            return new ConfigValue(subject, level, node);
        }
        if (key instanceof ModeKey) {
            String subject = take(node, "subject");
            String mode = take(node, "mode");
            return new ModeValue(subject, mode, node);
        }
        if (key instanceof DeleteSubjectKey k) {
            String subject = take(node, "subject");
            int version = requiredInt(node, "version", value);
            node.remove("version");
            return new DeleteSubjectValue(subject == null ? k.subject() : subject, version, node);
        }
        ClearSubjectKey k = (ClearSubjectKey) key;
        String subject = take(node, "subject");
        return new ClearSubjectValue(subject == null ? k.subject() : subject, node);
    }

    private SchemaValue decodeSchemaValue(ObjectNode node, byte[] raw) {
        String subject = required(text(node, "subject"), "subject", raw);
        int version = requiredInt(node, "version", raw);
        int id = requiredInt(node, "id", raw);
        String schema = required(text(node, "schema"), "schema", raw);
        String schemaType = text(node, "schemaType");
        boolean deleted = node.path("deleted").asBoolean(false);
        List<SchemaReference> references = new ArrayList<>();
        for (JsonNode ref : node.path("references")) {
            references.add(new SchemaReference(
                    ref.path("name").asText(),
                    ref.path("subject").asText(),
                    ref.path("version").asInt()));
        }
        node.remove(SCHEMA_MODELLED);
        return new SchemaValue(subject, version, id, schemaType, references, schema, deleted, node);
    }

    private static void writeSchemaValue(JsonGenerator g, SchemaValue v) throws IOException {
        ObjectNode extras = v.extras();
        g.writeStringField("subject", v.subject());
        g.writeNumberField("version", v.version());
        g.writeNumberField("id", v.id());
        writeTaken(g, extras, SCHEMA_BEFORE_TYPE);
        g.writeStringField("schemaType", v.schemaType());
        if (!v.references().isEmpty()) {
            g.writeArrayFieldStart("references");
            for (SchemaReference ref : v.references()) {
                g.writeStartObject();
                g.writeStringField("name", ref.name());
                g.writeStringField("subject", ref.subject());
                g.writeNumberField("version", ref.version());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        writeTaken(g, extras, SCHEMA_BEFORE_SCHEMA);
        g.writeStringField("schema", v.schema());
        g.writeBooleanField("deleted", v.deleted());
        writeRest(g, extras);
    }

    // ---------------------------------------------------------------- helpers

    private static String keyType(RegistryKey key) {
        if (key instanceof ConfigKey) {
            return "CONFIG";
        }
        if (key instanceof ModeKey) {
            return "MODE";
        }
        if (key instanceof DeleteSubjectKey) {
            return "DELETE_SUBJECT";
        }
        if (key instanceof ClearSubjectKey) {
            return "CLEAR_SUBJECT";
        }
        return "NOOP";
    }

    private static String subjectOf(RegistryKey key) {
        if (key instanceof ConfigKey k) {
            return k.subject();
        }
        if (key instanceof ModeKey k) {
            return k.subject();
        }
        if (key instanceof DeleteSubjectKey k) {
            return k.subject();
        }
        if (key instanceof ClearSubjectKey k) {
            return k.subject();
        }
        return null;
    }

    /** Confluent leaves empty strings out (NON_EMPTY), so does this. */
    private static void writeSubject(JsonGenerator g, String subject) throws IOException {
        if (subject != null && !subject.isEmpty()) {
            g.writeStringField("subject", subject);
        }
    }

    /** Writes and removes the named extras, in the given order. */
    private static void writeTaken(JsonGenerator g, ObjectNode extras, List<String> names) throws IOException {
        for (String name : names) {
            JsonNode field = extras.remove(name);
            if (field != null) {
                g.writeFieldName(name);
                g.writeTree(field);
            }
        }
    }

    /** Writes the remaining extras in the order they were read. */
    private static void writeRest(JsonGenerator g, ObjectNode extras) throws IOException {
        for (Map.Entry<String, JsonNode> field : extras.properties()) {
            g.writeFieldName(field.getKey());
            g.writeTree(field.getValue());
        }
    }

    private static String take(ObjectNode node, String name) {
        JsonNode field = node.remove(name);
        return field == null || field.isNull() ? null : field.asText();
    }

    private static String text(ObjectNode node, String name) {
        JsonNode field = node.get(name);
        return field == null || field.isNull() ? null : field.asText();
    }

    private static String required(String text, String name, byte[] raw) {
        if (text == null) {
            throw new RecordFormatException("missing " + name + " in " + utf8(raw));
        }
        return text;
    }

    private static int requiredInt(ObjectNode node, String name, byte[] raw) {
        JsonNode field = node.get(name);
        if (field == null || !field.canConvertToInt()) {
            throw new RecordFormatException("missing or invalid " + name + " in " + utf8(raw));
        }
        return field.asInt();
    }

    private ObjectNode readObject(byte[] bytes, String what) {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new RecordFormatException("the " + what + " is not JSON: " + utf8(bytes), e);
        }
        throw new RecordFormatException("the " + what + " is not a JSON object: " + utf8(bytes));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    private byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.setCodec(mapper);
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
