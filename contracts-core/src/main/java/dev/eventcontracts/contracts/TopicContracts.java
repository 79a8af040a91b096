package dev.eventcontracts.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Typed access to the topic-contract descriptor ({@code schemas/topics.json}), the one place where topic names,
 * subjects and compatibility levels are written. Services, the dev stack and the gate read it through this
 * class instead of repeating names.
 *
 * <p>The descriptor travels in this jar as {@value #RESOURCE}. Instances are immutable.
 */
public final class TopicContracts {

    /** Classpath location of the descriptor inside the contract jar. */
    public static final String RESOURCE = "eventcontracts/schemas/topics.json";

    private final List<TopicContract> topics;
    private final String referencedTypesCompatibility;
    private final String referencedTypesSubjectStrategy;

    private TopicContracts(List<TopicContract> topics, String referencedTypesCompatibility,
            String referencedTypesSubjectStrategy) {
        this.topics = List.copyOf(topics);
        this.referencedTypesCompatibility = referencedTypesCompatibility;
        this.referencedTypesSubjectStrategy = referencedTypesSubjectStrategy;
    }

    /**
     * Loads the descriptor shipped in the contract jar.
     *
     * @return the topic contracts; never null
     * @throws IllegalStateException when the resource is missing or malformed
     */
    public static TopicContracts load() {
        try (InputStream in = TopicContracts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("topic contract descriptor " + RESOURCE + " is not on the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a descriptor, e.g. {@code schemas/topics.json} of a checkout or a released copy.
     *
     * @param json the descriptor's JSON; never null, not closed
     * @return the topic contracts; never null
     * @throws IOException when the stream cannot be read
     * @throws IllegalArgumentException when a required entry is missing, naming it
     */
    public static TopicContracts parse(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(json, "json"));
        List<TopicContract> topics = new ArrayList<>();
        for (JsonNode t : required(root, "topics", "descriptor")) {
            String name = required(t, "name", "topic").asText();
            String where = "topic '" + name + "'";
            JsonNode key = required(t, "key", where);
            JsonNode value = required(t, "value", where);
            List<String> eventTypes = new ArrayList<>();
            required(value, "eventTypes", where + " value").forEach(e -> eventTypes.add(e.asText()));
            topics.add(new TopicContract(name, t.path("doc").asText(""),
                    required(t, "partitions", where).asInt(),
                    (short) required(t, "replicationFactor", where).asInt(),
                    required(t, "minInsyncReplicas", where).asInt(),
                    new TopicContract.KeyContract(required(key, "subject", where + " key").asText(),
                            required(key, "schema", where + " key").asText(),
                            required(key, "field", where + " key").asText()),
                    new TopicContract.ValueContract(required(value, "subject", where + " value").asText(),
                            required(value, "compatibility", where + " value").asText(), eventTypes),
                    required(t, "deadLetterTopic", where).asText()));
        }
        JsonNode refs = required(root, "referencedTypes", "descriptor");
        return new TopicContracts(topics, required(refs, "compatibility", "referencedTypes").asText(),
                required(refs, "subjectNameStrategy", "referencedTypes").asText());
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + " in the topic contract descriptor has no '" + field + "'");
        }
        return value;
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
        return topics.stream().filter(t -> t.value().eventTypes().contains(fullName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no topic in " + RESOURCE + " carries event type '" + fullName + "'"));
    }

    /**
     * Returns the registry subject of a referenced named type (Money, LineItem, an event record).
     *
     * @param fullName the type's full name; never null
     * @return the subject; with the {@code fullName} strategy the full name itself
     */
    public String referencedTypeSubject(String fullName) {
        if (!"fullName".equals(referencedTypesSubjectStrategy)) {
            throw new IllegalStateException("unknown referencedTypes.subjectNameStrategy '"
                    + referencedTypesSubjectStrategy + "'; expected 'fullName'");
        }
        return fullName;
    }

    /** Returns the compatibility level of the subjects of referenced types; never null. */
    public String referencedTypesCompatibility() {
        return referencedTypesCompatibility;
    }
}
