package dev.eventcontracts.maven.internal;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.compat.VersionedSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of subjects as a live registry holds it: every live version and the level the registry
 * enforces.
 */
public final class RegistryHistory implements HistorySource {

    private final RegistryGateway registry;
    private final String description;

    /**
     * Creates the source.
     *
     * @param registry the registry; never null
     * @param description the registry's URL(s) for messages, without credentials; never null
     */
    public RegistryHistory(RegistryGateway registry, String description) {
        this.registry = registry;
        this.description = description;
    }

    @Override
    public SubjectHistory history(String subject) throws GateException {
        try {
            List<RegisteredVersion> versions = registry.versions(subject);
            Map<Integer, String> labels = new HashMap<>();
            versions.forEach(v -> labels.put(v.version(), "id " + v.id()));
            List<VersionedSchema> live = versions.stream()
                    .map(v -> new VersionedSchema(v.version(), v.schema()))
                    .toList();
            return new SubjectHistory(live, labels, Optional.of(registry.effectiveLevel(subject)));
        } catch (RegistryException e) {
            throw RegistryFailures.toGateException("read the versions of subject '" + subject + "'", description, e);
        }
    }

    @Override
    public String describe() {
        return "the schema registry at " + description;
    }
}
