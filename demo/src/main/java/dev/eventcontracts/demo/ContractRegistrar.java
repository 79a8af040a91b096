package dev.eventcontracts.demo;

import dev.eventcontracts.client.CompatibilityUpdate;
import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SubjectSchema;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.SchemaAssembler;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one released contract version exactly as CI's {@code contracts:register} does, from the same plan
 * ({@link ReleasedContracts#subjects()}): every named type under its own subject (the descriptor's {@code fullName}
 * strategy), referenced types first, each with references to the types it uses; then per topic the key subject and
 * the value union of the event types, with references. Each subject's level from the descriptor is set before its
 * first registration.
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
    public record RegisteredSubject(String subject, int version, int id, boolean created) {}

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
        List<SubjectPlan> plans = release.subjects();
        SchemaAssembler<RuntimeException> assembler = SchemaAssembler.offline(plans);
        List<RegisteredSubject> registered = new ArrayList<>();
        for (SubjectPlan plan : plans) {
            RegisteredSubject subject = registerOne(
                    plan.subject(),
                    assembler.assemble(plan.subject()),
                    plan.level().map(Enum::name).orElse(null));
            assembler.recordVersion(plan.subject(), subject.version());
            registered.add(subject);
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
}
