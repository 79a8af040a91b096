package dev.eventcontracts.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * One released version of the contracts: its named types and its topic contracts, frozen in a release folder
 * ({@code schemas/released/v<N>/}: the {@code .avsc} files, {@code topics.json} and {@code release.json}).
 *
 * <p>Read a release from the history that travels in the contract jar with {@link #load(int)} or {@link #all()},
 * or from a checkout with {@link #read(Path)}. The generated classes always reflect the current contracts; a
 * released version is what a service built against an older contract jar writes and reads. The apps use it to
 * speak an older version (as {@code GenericRecord}s), the gate as its offline baseline, the tests to prove that
 * versions exchange data. Instances are immutable.
 *
 * @since 0.1.0
 */
public final class ReleasedContracts {

    /** Classpath folder of the releases inside the contract jar; release N is in {@code v<N>/}. */
    public static final String RESOURCE_ROOT = "eventcontracts/schemas/released/";
    /** The manifest of a release folder: its number and its {@code .avsc} files. */
    public static final String MANIFEST = "release.json";

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private final int version;
    private final String location;
    private final ContractTypes typeFiles;
    private final TopicContracts topics;
    private final Map<String, Schema> types;

    private ReleasedContracts(int version, String location, ContractTypes typeFiles, TopicContracts topics) {
        this.version = version;
        this.location = location;
        this.typeFiles = typeFiles;
        this.topics = topics;
        this.types = typeFiles.schemas();
    }

    /**
     * Loads one released version from the classpath.
     *
     * @param version the release number, from 1
     * @return the release; never null
     * @throws IllegalArgumentException when no such release is on the classpath
     * @throws ContractException when the release is incomplete or malformed, naming the resource
     */
    public static ReleasedContracts load(int version) {
        String dir = RESOURCE_ROOT + "v" + version + "/";
        ClassLoader loader = ReleasedContracts.class.getClassLoader();
        ReleaseManifest manifest;
        try (InputStream index = loader.getResourceAsStream(dir + MANIFEST)) {
            if (index == null) {
                throw new IllegalArgumentException(
                        "no released contracts v" + version + " on the classpath (" + dir + MANIFEST + ")");
            }
            manifest = ReleaseManifest.parse(
                    "classpath:" + dir + MANIFEST, new String(index.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read released contracts v" + version, e);
        }
        TopicContracts topics;
        try (InputStream in = loader.getResourceAsStream(dir + "topics.json")) {
            if (in == null) {
                throw new ContractException("classpath:" + dir + "topics.json is missing");
            }
            topics = TopicContracts.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read released contracts v" + version, e);
        }
        return new ReleasedContracts(
                version, "classpath:" + dir, ContractTypes.readResources(loader, dir, manifest.schemas()), topics);
    }

    /**
     * Returns every release on the classpath, oldest first.
     *
     * @return the releases; never null, empty when the jar holds no history
     */
    public static List<ReleasedContracts> all() {
        List<ReleasedContracts> releases = new ArrayList<>();
        ClassLoader loader = ReleasedContracts.class.getClassLoader();
        for (int v = 1; loader.getResource(RESOURCE_ROOT + "v" + v + "/" + MANIFEST) != null; v++) {
            releases.add(load(v));
        }
        return releases;
    }

    /**
     * Reads a release folder of a checkout: every {@code .avsc} file in it and its {@code topics.json}. The
     * release number comes from {@code release.json}, else from the number in the folder's name.
     *
     * @param dir the release folder, e.g. {@code schemas/released/v2}; never null
     * @return the release; never null
     * @throws ContractException when a file cannot be read or is malformed, naming it
     */
    public static ReleasedContracts read(Path dir) {
        return new ReleasedContracts(
                number(dir),
                dir.toString(),
                ContractTypes.readDirectory(dir),
                TopicContracts.read(dir.resolve("topics.json")));
    }

    private static int number(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            try {
                return ReleaseManifest.parse(manifest.toString(), Files.readString(manifest))
                        .release();
            } catch (IOException e) {
                throw new ContractException("Cannot read " + manifest + ": " + e.getMessage(), e);
            }
        }
        Matcher m = NUMBER.matcher(dir.getFileName().toString());
        if (!m.find()) {
            throw new ContractException("Release folder " + dir + " has no number: name it v<N> or give " + MANIFEST
                    + " a \"release\" number");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Returns the release number, from 1. */
    public int version() {
        return version;
    }

    /** Returns where the release was read from (a folder or {@code classpath:...}), for messages. */
    public String location() {
        return location;
    }

    /** Returns the topic contracts as released; never null. */
    public TopicContracts topics() {
        return topics;
    }

    /** Returns the release's {@code .avsc} files, each after the types it uses; never null. */
    public ContractTypes typeFiles() {
        return typeFiles;
    }

    /** Returns every top-level named type of the release by full name, each after the types it uses; never null. */
    public Map<String, Schema> types() {
        return types;
    }

    /**
     * Returns the release's subjects in registration order (see {@link ContractPlanner}).
     *
     * @return the subjects; never null
     */
    public List<SubjectPlan> subjects() {
        return ContractPlanner.plan(topics, typeFiles);
    }

    /**
     * Returns one named type of this release.
     *
     * @param fullName e.g. {@code dev.eventcontracts.orders.OrderCreated}; never null
     * @return the schema; never null
     * @throws IllegalArgumentException when the release has no such type
     */
    public Schema type(String fullName) {
        Schema schema = types.get(Objects.requireNonNull(fullName, "fullName"));
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
     * @throws IllegalArgumentException when the release has no topic of that name
     */
    public Schema valueUnion(TopicContract topic) {
        TopicContract released = topics.topic(topic.name())
                .orElseThrow(() -> new IllegalArgumentException(
                        "released contracts v" + version + " have no topic '" + topic.name() + "'"));
        return Schema.createUnion(
                released.value().eventTypes().stream().map(this::type).toList());
    }

    @Override
    public String toString() {
        return "ReleasedContracts[v" + version + " at " + location + "]";
    }
}
