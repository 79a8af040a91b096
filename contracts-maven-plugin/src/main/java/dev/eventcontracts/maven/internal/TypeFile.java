package dev.eventcontracts.maven.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One {@code .avsc} file that defines a top-level named type.
 *
 * @param fullName the full name of the file's top-level type; never null
 * @param file where it was read; never null
 * @param text the schema text as written; never null
 * @param definedNames every named type the file defines, nested ones included; never null
 * @param dependencies full names of types it uses that other files define, in order of first use; never null
 */
public record TypeFile(String fullName, Path file, String text, Set<String> definedNames, List<String> dependencies) {

    /** Copies the collections. */
    public TypeFile {
        definedNames = Set.copyOf(definedNames);
        dependencies = List.copyOf(dependencies);
    }
}
