package dev.eventcontracts.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.compat.CompatibilityLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The topic-contract descriptor ({@code schemas/topics.json}), the one place where topic names, subjects and
 * compatibility levels are written, and its one reader: services, the dev stack, the demo and the gate all read
 * the descriptor through this class.
 *
 * <p>Read it from the contract jar with {@link #load()}, from a checkout or a release with {@link #read(Path)}.
 * Every level is checked when the descriptor is read, so a wrong one stops the reader naming the entry.
 * Instances are immutable.
 *
 * @since 0.1.0
 */
public final class TopicContracts {

    /** Classpath location of the descriptor inside the contract jar. */
    public static final String RESOURCE = "eventcontracts/schemas/topics.json";
    /** The only subject name strategy of referenced types: the type's full name is its subject. */
    public static final String FULL_NAME_STRATEGY = "fullName";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String location;
    private final List<TopicContract> topics;
    private final CompatibilityLevel referencedTypesLevel;

    private TopicContracts(String location, List<TopicContract> topics, CompatibilityLevel referencedTypesLevel) {
        this.location = location;
        this.topics = List.copyOf(topics);
        this.referencedTypesLevel = referencedTypesLevel;
    }

    /**
     * Loads the descriptor shipped in the contract jar.
     *
     * @return the topic contracts; never null
     * @throws ContractException when the resource is missing or malformed, naming the entry
     */
    public static TopicContracts load() {
        try (InputStream in = TopicContracts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ContractException("The topic contract descriptor " + RESOURCE
                        + " is not on the classpath: add the contract jar (contracts-lib) to it");
            }
            return parse(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a descriptor file, e.g. {@code schemas/topics.json} of a checkout or of a release.
     *
     * @param file the descriptor; never null
     * @return the topic contracts; never null
     * @throws ContractException when the file cannot be read or an entry is missing or invalid, naming it
     */
    public static TopicContracts read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ContractException("Cannot read the topic-contract descriptor " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a descriptor.
     *
     * @param json the descriptor's JSON; never null, not closed
     * @return the topic contracts; never null
     * @throws IOException when the stream cannot be read
     * @throws ContractException when an entry is missing or invalid, naming it
     */
    public static TopicContracts parse(InputStream json) throws IOException {
        return parse(json, "the topic-contract descriptor");
    }

    private static TopicContracts parse(InputStream json, String location) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Objects.requireNonNull(json, "json"));
        } catch (JsonProcessingException e) {
            throw new ContractException(
                    "Topic-contract descriptor " + location + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String where = "topic-contract descriptor " + location;
        if (root == null || !root.isObject()) {
            throw new ContractException(where + " is not a JSON object");
        }
        JsonNode refs = required(root, "referencedTypes", where);
        String strategy = required(refs, "subjectNameStrategy", where + " referencedTypes")
                .asText();
        if (!FULL_NAME_STRATEGY.equals(strategy)) {
            throw new ContractException(where + ": referencedTypes.subjectNameStrategy is '" + strategy
                    + "'; expected '" + FULL_NAME_STRATEGY + "'");
        }
        CompatibilityLevel refLevel = level(
                required(refs, "compatibility", where + " referencedTypes").asText(),
                where + " referencedTypes.compatibility");
        List<TopicContract> topics = new ArrayList<>();
        for (JsonNode t : required(root, "topics", where)) {
            topics.add(topic(t, where));
        }
        return new TopicContracts(location, topics, refLevel);
    }

    private static TopicContract topic(JsonNode t, String where) {
        String name = required(t, "name", where + " topic").asText();
        String at = where + " topic '" + name + "'";
        JsonNode key = required(t, "key", at);
        JsonNode value = required(t, "value", at);
        JsonNode keySchema = required(key, "schema", at + " key");
        String keyLevel = null;
        if (key.hasNonNull("compatibility")) {
            keyLevel = key.get("compatibility").asText();
            level(keyLevel, at + " key.compatibility");
        }
        String valueLevel = required(value, "compatibility", at + " value").asText();
        level(valueLevel, at + " value.compatibility");
        List<String> eventTypes = new ArrayList<>();
        required(value, "eventTypes", at + " value").forEach(e -> eventTypes.add(e.asText()));
        try {
            return new TopicContract(
                    name,
                    t.path("doc").asText(""),
                    positive(t, "partitions", at),
                    (short) positive(t, "replicationFactor", at),
                    positive(t, "minInsyncReplicas", at),
                    new TopicContract.KeyContract(
                            required(key, "subject", at + " key").asText(),
                            keySchema.toString(),
                            optionalText(key, "field"),
                            keyLevel),
                    new TopicContract.ValueContract(
                            required(value, "subject", at + " value").asText(), valueLevel, eventTypes),
                    optionalText(t, "deadLetterTopic"));
        } catch (IllegalArgumentException e) {
            throw new ContractException(where + ": " + e.getMessage(), e);
        }
    }

    /** An optional layout number: {@code 0} when absent, else at least 1. */
    private static int positive(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToInt()
                || value.asInt() < 1
                || (field.equals("replicationFactor") && value.asInt() > Short.MAX_VALUE)) {
            throw new ContractException(
                    where + " " + field + " is " + value + "; expected a whole number of at least 1");
        }
        return value.asInt();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static CompatibilityLevel level(String text, String where) {
        return CompatibilityLevel.parse(text)
                .orElseThrow(() -> new ContractException(
                        where + " is '" + text + "'; expected one of " + Arrays.toString(CompatibilityLevel.values())));
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ContractException(where + " has no '" + field + "'");
        }
        return value;
    }

    /** Returns where the descriptor was read from (a file path or {@code classpath:...}), for messages. */
    public String location() {
        return location;
    }

    /** Returns every declared topic, in declaration order; never null. */
    public List<TopicContract> topics() {
        return topics;
    }

    /**
     * Returns the topic with the given name.
     *
     * @param name the topic name; never null
     * @return the topic, or empty when none is declared with that name
     */
    public Optional<TopicContract> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Returns the topic whose value union carries the given event type.
     *
     * @param eventSchema the schema of an event record, e.g. {@code OrderCreated.getClassSchema()}; never null
     * @return the topic; never null
     * @throws IllegalArgumentException when no topic declares that event type
     */
    public TopicContract topicFor(Schema eventSchema) {
        String fullName = eventSchema.getFullName();
        return topics.stream()
                .filter(t -> t.value().eventTypes().contains(fullName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no topic in " + location + " carries event type '" + fullName + "'"));
    }

    /**
     * Returns the registry subject of a referenced named type (Money, LineItem, an event record).
     *
     * @param fullName the type's full name; never null
     * @return the subject: with the {@value #FULL_NAME_STRATEGY} strategy the full name itself
     */
    public String referencedTypeSubject(String fullName) {
        return Objects.requireNonNull(fullName, "fullName");
    }

    /** Returns the compatibility level of the subjects of referenced types, as its name; never null. */
    public String referencedTypesCompatibility() {
        return referencedTypesLevel.name();
    }

    /** Returns the compatibility level of the subjects of referenced types; never null. */
    public CompatibilityLevel referencedTypesLevel() {
        return referencedTypesLevel;
    }
}
