package dev.eventcontracts.contracts;

import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.InvalidSchemaException;
import dev.eventcontracts.schema.SchemaReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link AvroSchema} of a planned subject: its text, its references with versions, and the texts those
 * references resolve to (transitively, dependencies first).
 *
 * <p>A reference to a subject planned in the same run resolves to the planned text; any other to what
 * {@link ExternalSubjects} returns (for example a registry's answer). A reference without a declared version takes
 * the version recorded for this run ({@link #recordVersion}), else the latest ({@code -1}). The assembler itself
 * does no I/O.
 *
 * @param <E> what looking up an external subject may throw
 * @since 0.1.0
 */
public final class SchemaAssembler<E extends Exception> {

    /**
     * Looks up subjects that the run does not plan, e.g. in a registry.
     *
     * @param <E> what a lookup may throw
     */
    @FunctionalInterface
    public interface ExternalSubjects<E extends Exception> {

        /**
         * Fetches a registered version of a subject.
         *
         * @param subject the subject; never null
         * @param version the version, or {@code -1} for the latest
         * @return the schema with its resolved references; never null
         * @throws E when it cannot be fetched
         */
        AvroSchema fetch(String subject, int version) throws E;
    }

    private final Map<String, SubjectPlan> plans = new LinkedHashMap<>();
    private final ExternalSubjects<E> external;
    private final Map<String, Integer> versions = new HashMap<>();

    /**
     * Creates an assembler that resolves references among the planned subjects and through {@code external}.
     *
     * @param plans the subjects of this run; never null
     * @param external where other referenced subjects are looked up; null when there is none (a reference
     *     outside {@code plans} then fails with a {@link ContractException} naming both subjects)
     */
    public SchemaAssembler(List<SubjectPlan> plans, ExternalSubjects<E> external) {
        plans.forEach(p -> this.plans.put(p.subject(), p));
        this.external = external;
    }

    /**
     * Creates an assembler for a self-contained set of subjects, e.g. a contract version.
     *
     * @param plans the subjects; never null
     * @return the assembler; a reference outside {@code plans} fails with a {@link ContractException}
     */
    public static SchemaAssembler<RuntimeException> offline(List<SubjectPlan> plans) {
        return new SchemaAssembler<>(plans, null);
    }

    /**
     * Remembers the version a subject got in this run, for references without a declared version.
     *
     * @param subject the subject; never null
     * @param version its version
     */
    public void recordVersion(String subject, int version) {
        versions.put(subject, version);
    }

    /**
     * Builds the schema of a planned subject.
     *
     * @param subject a subject of this run; never null
     * @return the schema with references; never null
     * @throws InvalidContractSchemaException when the text or a referenced text is not valid Avro
     * @throws ContractException when the subject is not planned or the references form a cycle
     * @throws E when an external subject cannot be fetched
     */
    public AvroSchema assemble(String subject) throws E {
        SubjectPlan plan = plans.get(subject);
        if (plan == null) {
            throw new ContractException("Subject '" + subject + "' is not configured");
        }
        LinkedHashMap<String, String> resolved = new LinkedHashMap<>();
        resolve(plan, resolved, new HashSet<>());
        List<SchemaReference> refs = new ArrayList<>();
        for (PlannedReference r : plan.references()) {
            int version = r.version() != null ? r.version() : versions.getOrDefault(r.subject(), -1);
            refs.add(new SchemaReference(r.name(), r.subject(), version));
        }
        try {
            return AvroSchema.parse(plan.schemaText(), refs, resolved);
        } catch (InvalidSchemaException e) {
            throw new InvalidContractSchemaException(
                    "Subject '" + subject + "' (" + plan.source() + ") is not a valid Avro schema: " + e.getMessage(),
                    e);
        }
    }

    private void resolve(SubjectPlan plan, Map<String, String> out, Set<String> path) throws E {
        if (!path.add(plan.subject())) {
            throw new ContractException("The references of subject '" + plan.subject() + "' form a cycle");
        }
        for (PlannedReference r : plan.references()) {
            SubjectPlan dep = plans.get(r.subject());
            if (dep != null) {
                resolve(dep, out, path);
                out.putIfAbsent(r.name(), dep.schemaText());
            } else if (external == null) {
                throw new ContractException("Subject '" + plan.subject() + "' refers to subject '" + r.subject()
                        + "', which is not planned in this run and no registry is configured to fetch it from");
            } else {
                AvroSchema fetched = external.fetch(r.subject(), r.version() != null ? r.version() : -1);
                fetched.resolvedReferences().forEach(out::putIfAbsent);
                out.putIfAbsent(r.name(), fetched.canonicalString());
            }
        }
        path.remove(plan.subject());
    }
}
