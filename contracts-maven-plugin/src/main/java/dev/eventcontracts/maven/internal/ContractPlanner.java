package dev.eventcontracts.maven.internal;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns configuration into the ordered list of subjects a goal works on: referenced subjects first, each
 * after the subjects it refers to.
 */
public final class ContractPlanner {

    private ContractPlanner() {
    }

    /**
     * Plans the subjects of a topic-contract descriptor: the subject of every named type the topics' event
     * types use (dependencies first), then each topic's key and value subjects.
     *
     * @param descriptor the descriptor; never null
     * @param schemaDir the directory with one {@code .avsc} file per named type; never null
     * @return the subjects in registration order; never null
     * @throws GateException when a file cannot be read or an event type is defined by no file
     */
    public static List<SubjectPlan> fromDescriptor(ContractDescriptor descriptor, Path schemaDir)
            throws GateException {
        List<TypeFile> types = SchemaDirectory.read(schemaDir);
        Map<String, TypeFile> byName = new HashMap<>();
        types.forEach(t -> t.definedNames().forEach(n -> byName.put(n, t)));
        Set<TypeFile> used = new HashSet<>();
        for (ContractDescriptor.Topic topic : descriptor.topics()) {
            for (String event : topic.eventTypes()) {
                TypeFile t = byName.get(event);
                if (t == null) {
                    throw new GateException("Topic '" + topic.name() + "' in " + descriptor.file()
                            + " carries event type '" + event + "', which no .avsc file in " + schemaDir + " defines");
                }
                collect(t, byName, used);
            }
        }
        List<SubjectPlan> plans = new ArrayList<>();
        for (TypeFile t : types) {
            if (used.contains(t)) {
                List<PlannedReference> refs = t.dependencies().stream()
                        .map(d -> new PlannedReference(d, descriptor.typeSubject(d), null)).toList();
                plans.add(new SubjectPlan(descriptor.typeSubject(t.fullName()),
                        Optional.of(descriptor.referencedTypesLevel()), t.text(), refs, t.file().toString()));
            }
        }
        for (ContractDescriptor.Topic topic : descriptor.topics()) {
            String where = descriptor.file() + " (topic '" + topic.name() + "')";
            plans.add(new SubjectPlan(topic.keySubject(), topic.keyLevel(), topic.keySchema(), List.of(), where));
            List<PlannedReference> refs = topic.eventTypes().stream()
                    .map(e -> new PlannedReference(e, descriptor.typeSubject(e), null)).toList();
            String union = topic.eventTypes().stream().map(e -> "\"" + e + "\"")
                    .collect(Collectors.joining(",", "[", "]"));
            plans.add(new SubjectPlan(topic.valueSubject(), Optional.of(topic.valueLevel()), union, refs, where));
        }
        return plans;
    }

    private static void collect(TypeFile t, Map<String, TypeFile> byName, Set<TypeFile> used) {
        if (used.add(t)) {
            t.dependencies().forEach(d -> collect(byName.get(d), byName, used));
        }
    }

    /**
     * Orders explicitly configured subjects so that referenced subjects come first; otherwise the configured
     * order is kept.
     *
     * @param plans the configured subjects; never null
     * @return the same plans, referenced subjects first; never null
     * @throws GateException when references form a cycle
     */
    public static List<SubjectPlan> referencesFirst(List<SubjectPlan> plans) throws GateException {
        Map<String, SubjectPlan> bySubject = new LinkedHashMap<>();
        plans.forEach(p -> bySubject.put(p.subject(), p));
        Set<SubjectPlan> done = new LinkedHashSet<>();
        for (SubjectPlan p : plans) {
            visit(p, bySubject, done, new HashSet<>());
        }
        return List.copyOf(done);
    }

    private static void visit(SubjectPlan p, Map<String, SubjectPlan> bySubject, Set<SubjectPlan> done,
            Set<String> path) throws GateException {
        if (done.contains(p)) {
            return;
        }
        if (!path.add(p.subject())) {
            throw new GateException("The references of subject '" + p.subject() + "' form a cycle");
        }
        for (PlannedReference r : p.references()) {
            SubjectPlan dep = bySubject.get(r.subject());
            if (dep != null) {
                visit(dep, bySubject, done, path);
            }
        }
        path.remove(p.subject());
        done.add(p);
    }

    /**
     * Returns the level to use for a subject that has none configured and no registry to ask.
     *
     * @return Confluent's default level, {@code BACKWARD}
     */
    public static CompatibilityLevel defaultLevel() {
        return CompatibilityLevel.BACKWARD;
    }
}
