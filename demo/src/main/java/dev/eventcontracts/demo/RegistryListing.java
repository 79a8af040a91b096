package dev.eventcontracts.demo;

import dev.eventcontracts.client.RegistryLookups;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists the subjects of a registry with their versions.
 *
 * @since 0.1.0
 */
public final class RegistryListing {

    private RegistryListing() {}

    /**
     * Reads every live subject and its live versions.
     *
     * @param registry the registry; never null
     * @return subject to versions (ascending), sorted by subject; never null
     */
    public static Map<String, List<Integer>> read(RegistryLookups registry) {
        Map<String, List<Integer>> subjects = new TreeMap<>();
        for (String subject : registry.subjects()) {
            subjects.put(subject, registry.versions(subject));
        }
        return subjects;
    }
}
