package dev.eventcontracts.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * One released version of the contracts, read from the history that travels in the contract jar
 * ({@code eventcontracts/schemas/released/v<N>/}).
 *
 * <p>The generated classes always reflect the current contracts; a released version is what a service built
 * against an older contract jar writes and reads. The apps use it to speak an older version (as
 * {@code GenericRecord}s), the tests to prove that versions exchange data.
 *
 * @param version the release number, from 1
 * @param types every named type of the release by full name, each after the types it uses; never null
 * @param topics the topic contracts as released; never null
 */
public record ReleasedContracts(int version, Map<String, Schema> types, TopicContracts topics) {

    private static final String ROOT = "eventcontracts/schemas/released/v";

    /** Copies the type map, keeping its order. */
    public ReleasedContracts {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    /**
     * Loads one released version from the classpath.
     *
     * @param version the release number, from 1
     * @return the release; never null
     * @throws IllegalArgumentException when no such release is on the classpath
     */
    public static ReleasedContracts load(int version) {
        String dir = ROOT + version + "/";
        ClassLoader loader = ReleasedContracts.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(dir + "release.json")) {
            if (index == null) {
                throw new IllegalArgumentException("no released contracts v" + version + " on the classpath ("
                        + dir + "release.json)");
            }
            JsonNode release = new ObjectMapper().readTree(index);
            Schema.Parser parser = new Schema.Parser();
            Map<String, Schema> types = new LinkedHashMap<>();
            for (JsonNode file : release.get("schemas")) {
                try (InputStream in = loader.getResourceAsStream(dir + file.asText())) {
                    if (in == null) {
                        throw new IllegalStateException(dir + "release.json lists missing " + file.asText());
                    }
                    Schema schema = parser.parse(in);
                    types.put(schema.getFullName(), schema);
                }
            }
            try (InputStream topics = loader.getResourceAsStream(dir + "topics.json")) {
                if (topics == null) {
                    throw new IllegalStateException(dir + "topics.json is missing");
                }
                return new ReleasedContracts(version, types, TopicContracts.parse(topics));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read released contracts v" + version, e);
        }
    }

    /**
     * Returns every release on the classpath, oldest first.
     *
     * @return the releases; never null, empty when the jar holds no history
     */
    public static List<ReleasedContracts> all() {
        List<ReleasedContracts> releases = new ArrayList<>();
        for (int v = 1; ReleasedContracts.class.getClassLoader().getResource(ROOT + v + "/release.json") != null; v++) {
            releases.add(load(v));
        }
        return releases;
    }

    /**
     * Returns one named type of this release.
     *
     * @param fullName e.g. {@code dev.eventcontracts.orders.OrderCreated}; never null
     * @return the schema; never null
     * @throws IllegalArgumentException when the release has no such type
     */
    public Schema type(String fullName) {
        Schema schema = types.get(fullName);
        if (schema == null) {
            throw new IllegalArgumentException("released contracts v" + version + " have no type '" + fullName + "'");
        }
        return schema;
    }

    /**
     * Returns the value schema of a topic as released: the union of its event types.
     *
     * @param topic the topic contract; never null
     * @return the union schema; never null
     */
    public Schema valueUnion(TopicContract topic) {
        TopicContract released = topics.topic(topic.name()).orElseThrow(() -> new IllegalArgumentException(
                "released contracts v" + version + " have no topic '" + topic.name() + "'"));
        return Schema.createUnion(released.value().eventTypes().stream().map(this::type).toList());
    }
}
