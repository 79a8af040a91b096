package dev.eventcontracts.maven.internal.catalog;

import dev.eventcontracts.contracts.ContractException;
import dev.eventcontracts.contracts.ContractPlanner;
import dev.eventcontracts.contracts.ContractTypes;
import dev.eventcontracts.contracts.InvalidContractSchemaException;
import dev.eventcontracts.contracts.ReleaseHistory;
import dev.eventcontracts.contracts.SchemaAssembler;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.InvalidContractException;
import dev.eventcontracts.schema.AvroSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The contracts of a repository as the documents are generated from them, all read through contracts-core: the
 * descriptor, the {@code .avsc} files, the subjects they make and the released history. Each subject's schema is
 * assembled with its references, so it is self-contained.
 */
public final class ContractSources {

    private final TopicContracts topics;
    private final ContractTypes types;
    private final List<SubjectPlan> plans;
    private final ReleaseHistory history;
    private final Map<String, AvroSchema> assembled = new HashMap<>();

    private ContractSources(TopicContracts topics, ContractTypes types, ReleaseHistory history) {
        this.topics = topics;
        this.types = types;
        this.plans = ContractPlanner.plan(topics, types);
        this.history = history;
        SchemaAssembler<RuntimeException> assembler = SchemaAssembler.offline(plans);
        for (SubjectPlan plan : plans) {
            assembled.put(plan.subject(), assembler.assemble(plan.subject()));
        }
    }

    /**
     * Reads the contracts.
     *
     * @param descriptor {@code topics.json}; never null
     * @param schemaDirectory the {@code .avsc} files; never null
     * @param releasedDirectory the released history; null or a missing folder when nothing was released
     * @return the contracts; never null
     * @throws GateException when a file cannot be read or an entry is wrong, naming it
     * @throws InvalidContractException when a schema is not valid Avro
     */
    public static ContractSources read(Path descriptor, Path schemaDirectory, Path releasedDirectory)
            throws GateException, InvalidContractException {
        try {
            ReleaseHistory history = releasedDirectory != null && Files.isDirectory(releasedDirectory)
                    ? ReleaseHistory.read(releasedDirectory)
                    : null;
            return new ContractSources(
                    TopicContracts.read(descriptor), ContractTypes.readDirectory(schemaDirectory), history);
        } catch (InvalidContractSchemaException e) {
            throw new InvalidContractException(e.getMessage(), e);
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
    }

    /** Returns the descriptor; never null. */
    public TopicContracts topics() {
        return topics;
    }

    /** Returns the current {@code .avsc} files, each after the types it uses; never null. */
    public ContractTypes types() {
        return types;
    }

    /** Returns the subjects in registration order; never null. */
    public List<SubjectPlan> plans() {
        return plans;
    }

    /** Returns the released history; empty when nothing was released. */
    public Optional<ReleaseHistory> history() {
        return Optional.ofNullable(history);
    }

    /**
     * Returns a subject's current schema with its references resolved.
     *
     * @param subject a subject of {@link #plans()}; never null
     * @return the self-contained schema; never null
     * @throws IllegalArgumentException when the contracts make no such subject
     */
    public Schema schema(String subject) {
        return assembled(subject).rawSchema();
    }

    /**
     * Returns a subject's current schema with its references, as the compatibility engine checks it.
     *
     * @param subject a subject of {@link #plans()}; never null
     * @return the schema; never null
     * @throws IllegalArgumentException when the contracts make no such subject
     */
    public AvroSchema assembled(String subject) {
        AvroSchema schema = assembled.get(Objects.requireNonNull(subject, "subject"));
        if (schema == null) {
            throw new IllegalArgumentException("the contracts make no subject '" + subject + "'");
        }
        return schema;
    }

    /**
     * Returns the plan of a subject.
     *
     * @param subject the subject; never null
     * @return its plan; empty when the contracts make no such subject
     */
    public Optional<SubjectPlan> plan(String subject) {
        return plans.stream().filter(p -> p.subject().equals(subject)).findFirst();
    }
}
