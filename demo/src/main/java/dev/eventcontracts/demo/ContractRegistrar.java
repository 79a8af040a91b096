package dev.eventcontracts.demo;

import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one released contract version the way CI's {@code contracts:register} does: every named type under
 * its own subject (the descriptor's {@code fullName} strategy), referenced types first, each with references to
 * the types it uses; then per topic the key subject and the value union of the event types, with references.
 * Each subject's level from the descriptor is set before its first registration.
 *
 * <p>Idempotent: a schema already registered under its subject is looked up, not registered again. Registering
 * release 1 and then release 2 gives the history production has: version 1 and version 2 of each changed
 * subject, which is what a producer on contract v1 pins its schema id from.
 *
 * @since 0.1.0
 */
public final class ContractRegistrar {

    /**
     * One subject after registration.
     *
     * @param subject the subject; never null
     * @param version its version holding the schema
     * @param id the global schema id
     * @param created whether this run created the version ({@code false}: it was registered before)
     */
    public record RegisteredSubject(String subject, int version, int id, boolean created) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ContractRegistrar.class);

    private final SchemaRegistryClient client;

    /**
     * Creates a registrar.
     *
     * @param client the registry's REST client; not closed by the registrar; never null
     */
    public ContractRegistrar(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Registers a release.
     *
     * @param release the released contracts; never null
     * @return every subject of the release in registration order; never null
     * @throws RegistryException when the registry refuses a schema (e.g. {@code 409} incompatible)
     */
    public List<RegisteredSubject> register(ReleasedContracts release) {
        TopicContracts topics = release.topics();
        Map<String, Integer> versions = new HashMap<>();
        List<RegisteredSubject> registered = new ArrayList<>();
        for (Schema type : release.types().values()) {
            List<SchemaReference> references = directDependencies(type).stream()
                    .map(name -> new SchemaReference(name, topics.referencedTypeSubject(name), versions.get(name)))
                    .toList();
            AvroSchema schema = AvroSchema.parse(textWithReferencesByName(type, release), references,
                    resolved(release, transitiveDependencies(type)));
            RegisteredSubject subject = registerOne(topics.referencedTypeSubject(type.getFullName()), schema,
                    topics.referencedTypesCompatibility());
            versions.put(type.getFullName(), subject.version());
            registered.add(subject);
        }
        for (TopicContract topic : topics.topics()) {
            registered.add(registerOne(topic.key().subject(), AvroSchema.parse("\"" + topic.key().schema() + "\""),
                    null));
            List<String> events = topic.value().eventTypes();
            List<SchemaReference> references = events.stream()
                    .map(name -> new SchemaReference(name, topics.referencedTypeSubject(name), versions.get(name)))
                    .toList();
            Set<String> all = new LinkedHashSet<>();
            events.forEach(e -> {
                all.addAll(transitiveDependencies(release.type(e)));
                all.add(e);
            });
            String union = events.stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(",", "[", "]"));
            registered.add(registerOne(topic.value().subject(), AvroSchema.parse(union, references,
                    resolved(release, all)), topic.value().compatibility()));
        }
        return registered;
    }

    private RegisteredSubject registerOne(String subject, AvroSchema schema, String level) {
        if (level != null) {
            applyLevel(subject, level);
        }
        RegisterSchemaRequest request = RegisterSchemaRequest.of(schema);
        SubjectSchema existing = lookup(subject, request);
        if (existing != null) {
            return new RegisteredSubject(subject, existing.version(), existing.id(), false);
        }
        int id = client.register(subject, request, false).id();
        SubjectSchema created = lookup(subject, request);
        if (created == null) {
            throw new IllegalStateException("subject '" + subject + "' was registered with id " + id
                    + " but the registry cannot find it again");
        }
        LOG.info("Registered subject '{}' version {} (id {})", subject, created.version(), id);
        return new RegisteredSubject(subject, created.version(), id, true);
    }

    private SubjectSchema lookup(String subject, RegisterSchemaRequest request) {
        try {
            return client.lookup(subject, request, false, false);
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private void applyLevel(String subject, String level) {
        try {
            if (level.equals(client.subjectConfig(subject, false).compatibilityLevel())) {
                return;
            }
        } catch (RegistryException e) {
            if (e.kind() != RegistryException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        client.updateSubjectConfig(subject, CompatibilityUpdate.of(level));
    }

    /** The type's JSON with every other named type of the release written by name, as in its .avsc file. */
    private static String textWithReferencesByName(Schema type, ReleasedContracts release) {
        List<Schema> others = release.types().values().stream().filter(t -> !t.equals(type)).toList();
        return type.toString(others, false);
    }

    private static Map<String, String> resolved(ReleasedContracts release, Set<String> names) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Schema type : release.types().values()) {
            if (names.contains(type.getFullName())) {
                texts.put(type.getFullName(), textWithReferencesByName(type, release));
            }
        }
        return texts;
    }

    /** The named types a schema uses directly (not those used only through another named type). */
    static Set<String> directDependencies(Schema type) {
        Set<String> names = new LinkedHashSet<>();
        if (type.getType() == Schema.Type.RECORD) {
            type.getFields().forEach(f -> collectNamed(f.schema(), names));
        }
        return names;
    }

    private static void collectNamed(Schema schema, Set<String> names) {
        switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> names.add(schema.getFullName());
            case ARRAY -> collectNamed(schema.getElementType(), names);
            case MAP -> collectNamed(schema.getValueType(), names);
            case UNION -> schema.getTypes().forEach(t -> collectNamed(t, names));
            default -> { }
        }
    }

    private static Set<String> transitiveDependencies(Schema type) {
        Set<String> names = new LinkedHashSet<>();
        collectTransitive(type, names, type.getFullName());
        return names;
    }

    private static void collectTransitive(Schema type, Set<String> names, String root) {
        for (String direct : directDependencies(type)) {
            if (!direct.equals(root) && names.add(direct)) {
                collectTransitive(findNamed(type, direct), names, root);
            }
        }
    }

    private static Schema findNamed(Schema within, String fullName) {
        List<Schema> stack = new ArrayList<>(List.of(within));
        Set<Schema> seen = new LinkedHashSet<>();
        while (!stack.isEmpty()) {
            Schema s = stack.remove(stack.size() - 1);
            if (!seen.add(s)) {
                continue;
            }
            if ((s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM
                    || s.getType() == Schema.Type.FIXED) && s.getFullName().equals(fullName)) {
                return s;
            }
            switch (s.getType()) {
                case RECORD -> s.getFields().forEach(f -> stack.add(f.schema()));
                case ARRAY -> stack.add(s.getElementType());
                case MAP -> stack.add(s.getValueType());
                case UNION -> stack.addAll(s.getTypes());
                default -> { }
            }
        }
        throw new IllegalStateException(fullName + " not found in " + within.getFullName());
    }
}
