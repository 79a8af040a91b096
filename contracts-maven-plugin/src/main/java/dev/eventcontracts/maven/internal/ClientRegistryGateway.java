package dev.eventcontracts.maven.internal;

import dev.eventcontracts.client.CompatibilityConfig;
import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.InvalidSchemaException;
import dev.eventcontracts.schema.SchemaReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link RegistryGateway} on the REST client of {@code registry-client}: resolves references of fetched
 * versions (transitively, dependencies first) and maps "not found" answers to empty results.
 */
public final class ClientRegistryGateway implements RegistryGateway {

    private static final int NOT_FOUND = 404;

    private final SchemaRegistryClient client;

    /**
     * Wraps a client; closing the gateway closes it.
     *
     * @param client the REST client; never null
     */
    public ClientRegistryGateway(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public List<String> subjects() {
        return client.subjects();
    }

    @Override
    public List<RegisteredVersion> versions(String subject) {
        List<Integer> numbers;
        try {
            numbers = client.versions(subject);
        } catch (RegistryException e) {
            if (e.status() == NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
        List<RegisteredVersion> out = new ArrayList<>();
        for (int n : numbers) {
            out.add(version(subject, n));
        }
        return out;
    }

    @Override
    public RegisteredVersion version(String subject, int version) {
        return parsed(client.version(subject, version, false));
    }

    private RegisteredVersion parsed(SubjectSchema s) {
        Map<String, String> resolved = new LinkedHashMap<>();
        resolve(s.references(), resolved, new HashSet<>());
        try {
            return new RegisteredVersion(
                    s.subject(), s.version(), s.id(), AvroSchema.parse(s.schema(), s.references(), resolved));
        } catch (InvalidSchemaException e) {
            throw new RegistryException(
                    200,
                    0,
                    "subject '" + s.subject() + "' version " + s.version() + " holds a schema that is not valid Avro: "
                            + e.getMessage(),
                    e);
        }
    }

    private void resolve(List<SchemaReference> refs, Map<String, String> out, Set<String> seen) {
        for (SchemaReference r : refs) {
            if (!seen.add(r.subject() + "/" + r.version())) {
                continue;
            }
            SubjectSchema dep = client.version(r.subject(), r.version(), false);
            resolve(dep.references(), out, seen);
            out.putIfAbsent(r.name(), dep.schema());
        }
    }

    @Override
    public CompatibilityLevel effectiveLevel(String subject) {
        CompatibilityConfig config = client.subjectConfig(subject, true);
        return CompatibilityLevel.parse(config.compatibilityLevel()).orElse(CompatibilityLevel.BACKWARD);
    }

    @Override
    public CompatibilityLevel globalLevel() {
        return CompatibilityLevel.parse(client.globalConfig().compatibilityLevel())
                .orElse(CompatibilityLevel.BACKWARD);
    }

    @Override
    public Optional<CompatibilityLevel> subjectLevel(String subject) {
        try {
            return CompatibilityLevel.parse(client.subjectConfig(subject, false).compatibilityLevel());
        } catch (RegistryException e) {
            if (e.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<RegisteredVersion> lookup(String subject, AvroSchema schema, boolean normalize) {
        try {
            SubjectSchema found = client.lookup(subject, request(schema, normalize), normalize, false);
            return Optional.of(new RegisteredVersion(found.subject(), found.version(), found.id(), schema));
        } catch (RegistryException e) {
            if (e.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public int register(String subject, AvroSchema schema, boolean normalize) {
        return client.register(subject, request(schema, normalize), normalize).id();
    }

    /**
     * With {@code normalize}, the schema is normalized here as Confluent normalizes it: registries differ in
     * what their own {@code normalize=true} does (Apicurio 3 does not sort custom properties).
     */
    private static RegisterSchemaRequest request(AvroSchema schema, boolean normalize) {
        return RegisterSchemaRequest.of(normalize ? schema.normalize() : schema);
    }

    @Override
    public void setLevel(String subject, CompatibilityLevel level) {
        CompatibilityUpdate update = CompatibilityUpdate.of(level.name());
        if (subject == null) {
            client.updateGlobalConfig(update);
        } else {
            client.updateSubjectConfig(subject, update);
        }
    }

    @Override
    public void deleteLevel(String subject) {
        if (subject == null) {
            client.deleteGlobalConfig();
        } else {
            client.deleteSubjectConfig(subject);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
