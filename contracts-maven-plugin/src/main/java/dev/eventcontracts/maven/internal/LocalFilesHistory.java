package dev.eventcontracts.maven.internal;

import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.InvalidSchemaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Earlier versions given as files, Confluent's {@code previousSchemaPaths}: per subject one file, or a
 * directory whose files (not recursively, sorted by name) are the versions, oldest first.
 */
public final class LocalFilesHistory implements HistorySource {

    private final Map<String, Path> paths;

    /**
     * Creates the source.
     *
     * @param paths file or directory per subject; never null
     */
    public LocalFilesHistory(Map<String, Path> paths) {
        this.paths = Map.copyOf(paths);
    }

    @Override
    public SubjectHistory history(String subject) throws GateException {
        Path path = paths.get(subject);
        if (path == null) {
            throw new GateException("previousSchemaPaths has no entry for subject '" + subject + "'");
        }
        List<Path> files = files(path);
        List<VersionedSchema> versions = new ArrayList<>();
        Map<Integer, String> labels = new HashMap<>();
        for (Path f : files) {
            int version = versions.size() + 1;
            try {
                versions.add(new VersionedSchema(version, AvroSchema.parse(Files.readString(f))));
            } catch (IOException e) {
                throw new GateException("Cannot read previous schema " + f + ": " + e.getMessage(), e);
            } catch (InvalidSchemaException e) {
                throw new GateException("Previous schema " + f + " is not valid Avro: " + e.getMessage(), e);
            }
            labels.put(version, f.getFileName().toString());
        }
        return new SubjectHistory(versions, labels, Optional.empty());
    }

    private static List<Path> files(Path path) throws GateException {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new GateException("Previous schema path " + path + " does not exist");
            }
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new GateException("Cannot list previous schemas in " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "the previous schemas in previousSchemaPaths";
    }
}
