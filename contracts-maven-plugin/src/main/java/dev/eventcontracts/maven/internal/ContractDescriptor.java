package dev.eventcontracts.maven.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.compat.CompatibilityLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a topic-contract descriptor ({@code schemas/topics.json}) the gate needs: per topic the key and
 * value subjects, the value's level and event types, and how referenced types are named and checked.
 *
 * @param file the descriptor file; never null
 * @param referencedTypesStrategy the subject name strategy of referenced types; only {@code fullName} is known
 * @param referencedTypesLevel the level of the subjects of referenced types; never null
 * @param topics the declared topics, in declaration order; never null
 */
public record ContractDescriptor(Path file, String referencedTypesStrategy, CompatibilityLevel referencedTypesLevel,
        List<Topic> topics) {

    /** The only subject name strategy for referenced types that the gate knows. */
    public static final String FULL_NAME_STRATEGY = "fullName";

    /**
     * One topic of the descriptor.
     *
     * @param name the topic name; never null
     * @param keySubject the key subject; never null
     * @param keySchema the key schema as JSON text, e.g. {@code "string"}; never null
     * @param keyLevel the key subject's level, empty when the descriptor gives none
     * @param valueSubject the value subject; never null
     * @param valueLevel the value subject's level; never null
     * @param eventTypes the full names of the event records the value union carries; never null
     */
    public record Topic(String name, String keySubject, String keySchema, Optional<CompatibilityLevel> keyLevel,
            String valueSubject, CompatibilityLevel valueLevel, List<String> eventTypes) {

        /** Copies the event types. */
        public Topic {
            eventTypes = List.copyOf(eventTypes);
        }
    }

    /** Copies the topics. */
    public ContractDescriptor {
        topics = List.copyOf(topics);
    }

    /**
     * Reads a descriptor file.
     *
     * @param file the descriptor; never null
     * @return the descriptor; never null
     * @throws GateException when the file cannot be read or an entry is missing or invalid, naming it
     */
    public static ContractDescriptor read(Path file) throws GateException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new GateException("Cannot read the topic-contract descriptor " + file + ": " + e.getMessage(), e);
        }
        String where = "topic-contract descriptor " + file;
        JsonNode refs = required(root, "referencedTypes", where);
        String strategy = required(refs, "subjectNameStrategy", where + " referencedTypes").asText();
        if (!FULL_NAME_STRATEGY.equals(strategy)) {
            throw new GateException(where + ": referencedTypes.subjectNameStrategy is '" + strategy
                    + "'; expected '" + FULL_NAME_STRATEGY + "'");
        }
        CompatibilityLevel refLevel = level(required(refs, "compatibility", where).asText(),
                where + " referencedTypes.compatibility");
        List<Topic> topics = new ArrayList<>();
        for (JsonNode t : required(root, "topics", where)) {
            topics.add(topic(t, where));
        }
        return new ContractDescriptor(file, strategy, refLevel, topics);
    }

    private static Topic topic(JsonNode t, String where) throws GateException {
        String name = required(t, "name", where + " topic").asText();
        String at = where + " topic '" + name + "'";
        JsonNode key = required(t, "key", at);
        JsonNode value = required(t, "value", at);
        JsonNode keySchema = required(key, "schema", at + " key");
        Optional<CompatibilityLevel> keyLevel = Optional.empty();
        if (key.hasNonNull("compatibility")) {
            keyLevel = Optional.of(level(key.get("compatibility").asText(), at + " key.compatibility"));
        }
        List<String> eventTypes = new ArrayList<>();
        required(value, "eventTypes", at + " value").forEach(e -> eventTypes.add(e.asText()));
        return new Topic(name, required(key, "subject", at + " key").asText(),
                keySchema.isTextual() ? "\"" + keySchema.asText() + "\"" : keySchema.toString(), keyLevel,
                required(value, "subject", at + " value").asText(),
                level(required(value, "compatibility", at + " value").asText(), at + " value.compatibility"),
                eventTypes);
    }

    /**
     * Returns the subject of a referenced named type under the descriptor's strategy.
     *
     * @param fullName the type's full name; never null
     * @return the subject; never null
     */
    public String typeSubject(String fullName) {
        return fullName;
    }

    private static CompatibilityLevel level(String text, String where) throws GateException {
        return CompatibilityLevel.parse(text).orElseThrow(() -> new GateException(
                where + " is '" + text + "'; expected one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, "
                        + "FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE"));
    }

    private static JsonNode required(JsonNode node, String field, String where) throws GateException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new GateException(where + " has no '" + field + "'");
        }
        return value;
    }
}
