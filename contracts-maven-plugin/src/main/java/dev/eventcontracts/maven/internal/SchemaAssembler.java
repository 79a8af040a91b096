package dev.eventcontracts.maven.internal;

import dev.eventcontracts.client.RegisteredVersion;
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
 * Builds the {@link AvroSchema} of a planned subject: its text, its references with versions, and the texts
 * those references resolve to (transitively, dependencies first).
 *
 * <p>A reference to a subject planned in the same run resolves to the planned text; any other to the schema
 * the registry holds, through {@link ExternalSubjects}. A reference without a configured version takes the
 * version registered in this run ({@link #recordVersion}), else the latest ({@code -1}).
 */
public final class SchemaAssembler {

    /** Looks up subjects that the run does not plan, e.g. in a registry. */
    @FunctionalInterface
    public interface ExternalSubjects {

        /**
         * Fetches a registered version of a subject.
         *
         * @param subject the subject; never null
         * @param version the version, or {@code -1} for the latest
         * @return the version; never null
         * @throws GateException when it cannot be fetched
         */
        RegisteredVersion fetch(String subject, int version) throws GateException;
    }

    private final Map<String, SubjectPlan> plans = new LinkedHashMap<>();
    private final ExternalSubjects external;
    private final Map<String, Integer> versions = new HashMap<>();

    /**
     * Creates an assembler.
     *
     * @param plans the subjects of this run; never null
     * @param external where other referenced subjects are looked up; null when there is none
     */
    public SchemaAssembler(List<SubjectPlan> plans, ExternalSubjects external) {
        plans.forEach(p -> this.plans.put(p.subject(), p));
        this.external = external;
    }

    /**
     * Remembers the version a subject got in this run, for references without a configured version.
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
     * @throws InvalidContractException when the text or a referenced text is not valid Avro
     * @throws GateException when a referenced subject cannot be found
     */
    public AvroSchema assemble(String subject) throws InvalidContractException, GateException {
        SubjectPlan plan = plans.get(subject);
        if (plan == null) {
            throw new GateException("Subject '" + subject + "' is not configured");
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
            throw new InvalidContractException("Subject '" + subject + "' (" + plan.source()
                    + ") is not a valid Avro schema: " + e.getMessage(), e);
        }
    }

    private void resolve(SubjectPlan plan, Map<String, String> out, Set<String> path) throws GateException {
        if (!path.add(plan.subject())) {
            throw new GateException("The references of subject '" + plan.subject() + "' form a cycle");
        }
        for (PlannedReference r : plan.references()) {
            SubjectPlan dep = plans.get(r.subject());
            if (dep != null) {
                resolve(dep, out, path);
                out.putIfAbsent(r.name(), dep.schemaText());
            } else {
                RegisteredVersion v = fetch(plan, r);
                v.schema().resolvedReferences().forEach(out::putIfAbsent);
                out.putIfAbsent(r.name(), v.schema().canonicalString());
            }
        }
        path.remove(plan.subject());
    }

    private RegisteredVersion fetch(SubjectPlan plan, PlannedReference r) throws GateException {
        if (external == null) {
            throw new GateException("Subject '" + plan.subject() + "' refers to subject '" + r.subject()
                    + "', which is not configured in <subjects> and no registry is configured to fetch it from");
        }
        return external.fetch(r.subject(), r.version() != null ? r.version() : -1);
    }
}
