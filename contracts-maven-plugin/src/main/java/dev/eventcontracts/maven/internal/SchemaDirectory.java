package dev.eventcontracts.maven.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the {@code .avsc} files of one directory, one top-level named type per file, and orders them so that
 * every type comes after the types it uses: the order in which their subjects must be registered.
 *
 * <p>Names are found by walking the JSON, not by parsing with Avro, so files may refer to each other in any
 * order, as in {@code schemas/avro/}.
 */
public final class SchemaDirectory {

    private static final Set<String> PRIMITIVES = Set.of("null", "boolean", "int", "long", "float", "double",
            "bytes", "string");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaDirectory() {
    }

    /**
     * Reads every {@code .avsc} file of a directory (not recursively).
     *
     * @param dir the directory; never null
     * @return the types, dependencies first; never null
     * @throws GateException when the directory or a file cannot be read, a file is not a named type, or a
     *     type uses a name that no file defines
     */
    public static List<TypeFile> read(Path dir) throws GateException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new GateException("Cannot list schema directory " + dir + ": " + e.getMessage(), e);
        }
        List<TypeFile> types = new ArrayList<>();
        for (Path f : files) {
            types.add(readFile(f));
        }
        return dependencyOrder(types);
    }

    /**
     * Reads one schema file.
     *
     * @param file the {@code .avsc} file; never null
     * @return the type it defines; never null
     * @throws GateException when the file cannot be read or is not a named type
     */
    public static TypeFile readFile(Path file) throws GateException {
        String text;
        JsonNode root;
        try {
            text = Files.readString(file);
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new GateException("Schema file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GateException("Cannot read schema file " + file + ": " + e.getMessage(), e);
        }
        Set<String> defined = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        walk(root, "", defined, used);
        if (defined.isEmpty()) {
            throw new GateException("Schema file " + file + " does not define a named type (record, enum or fixed)");
        }
        List<String> deps = used.stream().filter(n -> !defined.contains(n)).toList();
        return new TypeFile(defined.iterator().next(), file, text, defined, deps);
    }

    /**
     * Orders types so that each comes after the types it depends on; ties keep the given order.
     *
     * @param types the types; never null
     * @return the ordered types; never null
     * @throws GateException when a dependency is defined by no type or the dependencies form a cycle
     */
    public static List<TypeFile> dependencyOrder(List<TypeFile> types) throws GateException {
        Map<String, TypeFile> byName = new HashMap<>();
        for (TypeFile t : types) {
            for (String n : t.definedNames()) {
                byName.put(n, t);
            }
        }
        Map<TypeFile, Boolean> done = new LinkedHashMap<>();
        for (TypeFile t : types) {
            visit(t, byName, done, new HashSet<>());
        }
        return List.copyOf(done.keySet());
    }

    private static void visit(TypeFile t, Map<String, TypeFile> byName, Map<TypeFile, Boolean> done,
            Set<TypeFile> path) throws GateException {
        if (done.containsKey(t)) {
            return;
        }
        if (!path.add(t)) {
            throw new GateException("Schema files refer to each other in a cycle through " + t.file());
        }
        for (String dep : t.dependencies()) {
            TypeFile d = byName.get(dep);
            if (d == null) {
                throw new GateException("Schema file " + t.file() + " uses type '" + dep
                        + "', which no .avsc file in " + t.file().getParent() + " defines");
            }
            visit(d, byName, done, path);
        }
        path.remove(t);
        done.put(t, Boolean.TRUE);
    }

    private static void walk(JsonNode node, String namespace, Set<String> defined, Set<String> used) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String name = node.asText();
            if (!PRIMITIVES.contains(name)) {
                used.add(fullName(name, namespace));
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, namespace, defined, used));
        } else if (node.isObject()) {
            walkObject(node, namespace, defined, used);
        }
    }

    private static void walkObject(JsonNode node, String namespace, Set<String> defined, Set<String> used) {
        JsonNode type = node.get("type");
        String kind = type != null && type.isTextual() ? type.asText() : "";
        switch (kind) {
            case "record", "error", "enum", "fixed" -> {
                String ns = node.hasNonNull("namespace") ? node.get("namespace").asText() : namespace;
                String full = fullName(node.path("name").asText(), ns);
                defined.add(full);
                String inner = full.contains(".") ? full.substring(0, full.lastIndexOf('.')) : "";
                node.path("fields").forEach(f -> walk(f.get("type"), inner, defined, used));
            }
            case "array" -> walk(node.get("items"), namespace, defined, used);
            case "map" -> walk(node.get("values"), namespace, defined, used);
            default -> walk(type, namespace, defined, used);
        }
    }

    private static String fullName(String name, String namespace) {
        return name.contains(".") || namespace.isEmpty() ? name : namespace + "." + name;
    }
}
