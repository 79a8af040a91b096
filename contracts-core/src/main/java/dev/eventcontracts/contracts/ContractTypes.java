package dev.eventcontracts.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The named types of one contract version, one {@code .avsc} file each ({@code schemas/avro/}, or a release's
 * folder), ordered so that every type comes after the types it uses: the order in which their subjects must be
 * registered and in which Avro must parse them.
 *
 * <p>Names are found by walking the JSON, not by parsing with Avro, so files may refer to each other in any
 * order. Instances are immutable.
 *
 * @since 0.1.0
 */
public final class ContractTypes {

    private static final Set<String> PRIMITIVES =
            Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String location;
    private final List<TypeFile> types;

    private ContractTypes(String location, List<TypeFile> types) {
        this.location = location;
        this.types = List.copyOf(types);
    }

    /**
     * Reads every {@code .avsc} file of a directory (not recursively).
     *
     * @param dir the directory; never null
     * @return the types, dependencies first; never null
     * @throws ContractException when the directory or a file cannot be read, a file is not a named type, or a
     *     type uses a name that no file defines
     */
    public static ContractTypes readDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".avsc"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ContractException("Cannot list schema directory " + dir + ": " + e.getMessage(), e);
        }
        List<TypeFile> types = new ArrayList<>();
        for (Path f : files) {
            try {
                types.add(parse(f.toString(), Files.readString(f)));
            } catch (IOException e) {
                throw new ContractException("Cannot read schema file " + f + ": " + e.getMessage(), e);
            }
        }
        return new ContractTypes(dir.toString(), dependencyOrder(types));
    }

    /**
     * Reads named resources of a classpath folder, e.g. a release inside the contract jar (a jar cannot be
     * listed, so the caller names the files).
     *
     * @param loader the class loader; never null
     * @param folder the folder, ending with {@code /}; never null
     * @param files the file names in the folder; never null
     * @return the types, dependencies first; never null
     * @throws ContractException when a resource is missing, cannot be read or is not a named type
     */
    public static ContractTypes readResources(ClassLoader loader, String folder, List<String> files) {
        List<TypeFile> types = new ArrayList<>();
        for (String file : files) {
            String resource = folder + file;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ContractException("Schema resource " + resource + " is not on the classpath");
                }
                types.add(parse("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new ContractException("Cannot read schema resource " + resource + ": " + e.getMessage(), e);
            }
        }
        return new ContractTypes("classpath:" + folder, dependencyOrder(types));
    }

    /**
     * Reads one schema text.
     *
     * @param location where the text comes from, for messages; never null
     * @param text the {@code .avsc} text; never null
     * @return the type it defines; never null
     * @throws ContractException when the text is not JSON or does not define a named type
     */
    public static TypeFile parse(String location, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ContractException("Schema file " + location + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        Set<String> defined = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        walk(root, "", defined, used);
        if (defined.isEmpty()) {
            throw new ContractException(
                    "Schema file " + location + " does not define a named type (record, enum or fixed)");
        }
        List<String> dependencies =
                used.stream().filter(n -> !defined.contains(n)).toList();
        return new TypeFile(defined.iterator().next(), location, text, defined, dependencies);
    }

    /**
     * Orders types so that each comes after the types it depends on; ties keep the given order.
     *
     * @param types the types; never null
     * @return the ordered types; never null
     * @throws ContractException when a dependency is defined by no type or the dependencies form a cycle
     */
    public static List<TypeFile> dependencyOrder(List<TypeFile> types) {
        Map<String, TypeFile> byName = byName(types);
        Map<TypeFile, Boolean> done = new LinkedHashMap<>();
        for (TypeFile t : types) {
            visit(t, byName, done, new HashSet<>());
        }
        return List.copyOf(done.keySet());
    }

    /** Returns where the types were read from (a directory or a classpath folder), for messages. */
    public String location() {
        return location;
    }

    /** Returns the types, each after the types it uses; never null. */
    public List<TypeFile> types() {
        return types;
    }

    /**
     * Returns the file that defines a named type.
     *
     * @param fullName the type's full name, top-level or nested; never null
     * @return the file, or empty when no file defines it
     */
    public Optional<TypeFile> type(String fullName) {
        return Optional.ofNullable(byName(types).get(fullName));
    }

    /**
     * Parses every type with one Avro parser, dependencies first.
     *
     * @return the top-level types by full name, each after the types it uses; never null
     * @throws InvalidContractSchemaException when a file is not valid Avro, naming it
     */
    public Map<String, Schema> schemas() {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (TypeFile t : types) {
            try {
                Schema schema = parser.parse(t.text());
                schemas.put(schema.getFullName(), schema);
            } catch (SchemaParseException e) {
                throw new InvalidContractSchemaException(
                        "Schema file " + t.location() + " is not valid Avro: " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableMap(schemas);
    }

    private static Map<String, TypeFile> byName(List<TypeFile> types) {
        Map<String, TypeFile> byName = new HashMap<>();
        for (TypeFile t : types) {
            for (String n : t.definedNames()) {
                byName.put(n, t);
            }
        }
        return byName;
    }

    private static void visit(
            TypeFile t, Map<String, TypeFile> byName, Map<TypeFile, Boolean> done, Set<TypeFile> path) {
        if (done.containsKey(t)) {
            return;
        }
        if (!path.add(t)) {
            throw new ContractException("Schema files refer to each other in a cycle through " + t.location());
        }
        for (String dep : t.dependencies()) {
            TypeFile d = byName.get(dep);
            if (d == null) {
                throw new ContractException("Schema file " + t.location() + " uses type '" + dep
                        + "', which no .avsc file beside it defines");
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
