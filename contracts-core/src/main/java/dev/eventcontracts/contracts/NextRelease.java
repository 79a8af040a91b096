package dev.eventcontracts.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The next release of a contracts repository: its current contracts ({@code schemas/avro/*.avsc} and
 * {@code schemas/topics.json}) frozen as {@code released/v<N+1>/}, the files copied byte for byte and
 * {@code release.json} listing them in an order computed from the references. The writer of the release folders
 * that {@link ReleasedContracts} and {@link ReleaseHistory} read.
 *
 * <p>{@link #plan} reads everything and decides; nothing is written until {@link #write()}. The order of
 * {@code release.json} is the order in which the contract's subjects are registered: the types the event types use
 * (each after the types it uses), then the event types as {@code topics.json} lists them, then files no event type
 * uses. Instances are immutable.
 *
 * @since 0.1.0
 */
public final class NextRelease {

    /** The descriptor's file name in a release folder. */
    public static final String DESCRIPTOR = "topics.json";

    private final Path descriptor;
    private final ContractTypes types;
    private final Path folder;
    private final ReleaseManifest manifest;
    private final ReleasedContracts previous;
    private final List<ReleaseChange> changes;
    private final boolean changesAnything;

    private NextRelease(
            Path descriptor,
            ContractTypes types,
            Path folder,
            ReleaseManifest manifest,
            ReleasedContracts previous,
            List<ReleaseChange> changes,
            boolean changesAnything) {
        this.descriptor = descriptor;
        this.types = types;
        this.folder = folder;
        this.manifest = manifest;
        this.previous = previous;
        this.changes = List.copyOf(changes);
        this.changesAnything = changesAnything;
    }

    /**
     * Plans the next release from the current contracts and the released history.
     *
     * @param descriptor the current {@code topics.json}; never null
     * @param schemaDirectory the current {@code .avsc} files, e.g. {@code schemas/avro}; never null
     * @param releasedDirectory the released history, e.g. {@code schemas/released}; need not exist yet
     * @return the plan; never null
     * @throws ContractException when a current or released file cannot be read, an event type is defined by no file,
     *     or the release folder exists already, naming it
     * @throws InvalidContractSchemaException when a current or released schema is not valid Avro
     */
    public static NextRelease plan(Path descriptor, Path schemaDirectory, Path releasedDirectory) {
        TopicContracts topics = TopicContracts.read(descriptor);
        ContractTypes types = ContractTypes.readDirectory(schemaDirectory);
        Map<String, Schema> schemas = types.schemas();
        ContractPlanner.plan(topics, types); // every event type must be defined
        if (types.types().isEmpty()) {
            throw new ContractException("There is nothing to release: " + schemaDirectory + " holds no .avsc file");
        }
        ReleasedContracts previous = null;
        if (Files.isDirectory(releasedDirectory)) {
            List<ReleasedContracts> releases =
                    ReleaseHistory.read(releasedDirectory).releases();
            previous = releases.isEmpty() ? null : releases.get(releases.size() - 1);
        }
        int version = previous == null ? 1 : previous.version() + 1;
        Path folder = releasedDirectory.resolve("v" + version);
        if (Files.exists(folder)) {
            throw new ContractException("The release folder " + folder + " exists already but holds no complete "
                    + "release (" + DESCRIPTOR + "); remove it or finish it by hand");
        }
        List<ReleaseChange> changes = ReleaseDiff.between(
                previous == null
                        ? null
                        : new ReleaseDiff.Version(previous.topics(), previous.typeFiles(), previous.types()),
                new ReleaseDiff.Version(topics, types, schemas));
        boolean changesAnything = previous == null || !sameContracts(previous, descriptor, types);
        return new NextRelease(
                descriptor,
                types,
                folder,
                new ReleaseManifest(version, fileOrder(topics, types)),
                previous,
                changes,
                changesAnything);
    }

    /**
     * Orders the files of a contract for {@code release.json}: the types the event types use, each after the types
     * it uses, in the order the event types first use them; then the event types in the order {@code topics.json}
     * lists them; then the files no event type uses. A type that uses another event type still comes after it.
     *
     * @param topics the descriptor; never null
     * @param types the files; never null
     * @return the file names; never null
     */
    static List<String> fileOrder(TopicContracts topics, ContractTypes types) {
        List<TypeFile> events = new ArrayList<>();
        for (TopicContract topic : topics.topics()) {
            topic.value()
                    .eventTypes()
                    .forEach(e -> types.type(e).filter(t -> !events.contains(t)).ifPresent(events::add));
        }
        Set<TypeFile> used = new LinkedHashSet<>();
        events.forEach(e -> e.dependencies().forEach(d -> usedFirst(d, types, events, used)));
        List<TypeFile> order = new ArrayList<>(used);
        order.addAll(events);
        types.types().stream().filter(t -> !order.contains(t)).forEach(order::add);
        return ContractTypes.dependencyOrder(order).stream()
                .map(t -> Path.of(t.location()).getFileName().toString())
                .toList();
    }

    private static void usedFirst(String name, ContractTypes types, List<TypeFile> events, Set<TypeFile> used) {
        Optional<TypeFile> file = types.type(name);
        if (file.isEmpty() || used.contains(file.get()) || events.contains(file.get())) {
            return;
        }
        file.get().dependencies().forEach(d -> usedFirst(d, types, events, used));
        used.add(file.get());
    }

    private static boolean sameContracts(ReleasedContracts previous, Path descriptor, ContractTypes types) {
        Path released = Path.of(previous.location());
        if (!ReleaseDiff.sameJson(read(released.resolve(DESCRIPTOR)), read(descriptor))) {
            return false;
        }
        List<TypeFile> was = previous.typeFiles().types();
        if (was.size() != types.types().size()) {
            return false;
        }
        for (TypeFile now : types.types()) {
            String name = Path.of(now.location()).getFileName().toString();
            Optional<TypeFile> before = was.stream()
                    .filter(t -> Path.of(t.location()).getFileName().toString().equals(name))
                    .findFirst();
            if (before.isEmpty() || !ReleaseDiff.sameJson(before.get().text(), now.text())) {
                return false;
            }
        }
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ContractException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the number of the new release, from 1. */
    public int version() {
        return manifest.release();
    }

    /** Returns the folder the release is written to, {@code released/v<N+1>}; never null. */
    public Path folder() {
        return folder;
    }

    /** Returns the manifest the release is written with; never null. */
    public ReleaseManifest manifest() {
        return manifest;
    }

    /** Returns the latest release so far; empty for a first release. */
    public Optional<ReleasedContracts> previous() {
        return Optional.ofNullable(previous);
    }

    /**
     * Returns what the release changes against the previous one: topics, event types, types, fields and symbols
     * added or removed, types changed otherwise. For a first release: its topics and types.
     *
     * @return the changes; never null, empty when {@link #changesAnything()} is false
     */
    public List<ReleaseChange> changes() {
        return changes;
    }

    /**
     * Returns whether the current contracts differ from the latest release: another set of files, or a file or
     * {@code topics.json} holding other JSON (formatting aside). Always true for a first release.
     *
     * @return false when there is nothing to release
     */
    public boolean changesAnything() {
        return changesAnything;
    }

    /**
     * Writes the release folder: every current {@code .avsc} file and {@code topics.json}, byte for byte, and
     * {@code release.json}. The folder is written under a temporary name and renamed when complete, so a failed
     * write leaves no half release behind.
     *
     * @return the release folder; never null
     * @throws ContractException when nothing changed since the latest release, or a file cannot be written, naming
     *     it
     */
    public Path write() {
        if (!changesAnything) {
            throw new ContractException("Nothing to release: the contracts equal release v" + previous.version() + " ("
                    + previous.location() + ")");
        }
        Path staging = folder.resolveSibling("." + folder.getFileName() + ".partial");
        try {
            deleteLeftOver(staging);
            Files.createDirectories(staging);
            for (TypeFile t : types.types()) {
                Path file = Path.of(t.location());
                Files.copy(file, staging.resolve(file.getFileName().toString()));
            }
            Files.copy(descriptor, staging.resolve(DESCRIPTOR));
            Files.writeString(staging.resolve(ReleasedContracts.MANIFEST), manifest.toJson());
            Files.move(staging, folder);
        } catch (IOException e) {
            throw new ContractException("Cannot write release v" + version() + " to " + folder + ": " + e, e);
        }
        return folder;
    }

    private static void deleteLeftOver(Path staging) throws IOException {
        if (Files.isDirectory(staging)) {
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(staging);
        }
    }

    @Override
    public String toString() {
        return "NextRelease[v" + version() + " to " + folder + ", after "
                + (previous == null ? "no release" : "v" + previous.version()) + "]";
    }
}
