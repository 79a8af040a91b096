package dev.eventcontracts.contracts;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code .avsc} file of a contract: it defines one top-level named type (record, enum or fixed) and may use
 * types other files define.
 *
 * @param fullName the full name of the file's top-level type; never null
 * @param location where it was read (a file path or {@code classpath:...}), for messages; never null
 * @param text the schema text as written; never null
 * @param definedNames every named type the file defines, nested ones included; never null
 * @param dependencies full names of types it uses that other files define, in order of first use; never null
 * @since 0.1.0
 */
public record TypeFile(
        String fullName, String location, String text, Set<String> definedNames, List<String> dependencies) {

    /** Checks the required parts and copies the collections. */
    public TypeFile {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(text, "text");
        definedNames = Set.copyOf(definedNames);
        dependencies = List.copyOf(dependencies);
    }
}
