package dev.eventcontracts.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The subjects of a contract in registration order: the subject of every named type the topics' event types use
 * (each after the types it uses), then each topic's key and value subjects. The value subject of a topic is the
 * union of its event types, written with references (Confluent's pattern for several event types on one topic).
 *
 * <p>This is what {@code contracts:register} registers, what the offline gate checks and what the demo
 * registers: the one place that turns {@code topics.json} and the {@code .avsc} files into subjects.
 *
 * @since 0.1.0
 */
public final class ContractPlanner {

    private ContractPlanner() {}

    /**
     * Plans the subjects of a contract version.
     *
     * @param topics the topic contracts; never null
     * @param types the named types of the same version; never null
     * @return the subjects in registration order; never null
     * @throws ContractException when an event type is defined by no file
     */
    public static List<SubjectPlan> plan(TopicContracts topics, ContractTypes types) {
        Set<TypeFile> used = new HashSet<>();
        for (TopicContract topic : topics.topics()) {
            for (String event : topic.value().eventTypes()) {
                TypeFile t = types.type(event)
                        .orElseThrow(() -> new ContractException("Topic '" + topic.name()
                                + "' in " + topics.location() + " carries event type '" + event
                                + "', which no .avsc file in "
                                + types.location() + " defines"));
                collect(t, types, used);
            }
        }
        List<SubjectPlan> plans = new ArrayList<>();
        for (TypeFile t : types.types()) {
            if (used.contains(t)) {
                List<PlannedReference> refs = t.dependencies().stream()
                        .map(d -> new PlannedReference(d, topics.referencedTypeSubject(d), null))
                        .toList();
                plans.add(new SubjectPlan(
                        topics.referencedTypeSubject(t.fullName()),
                        Optional.of(topics.referencedTypesLevel()),
                        t.text(),
                        refs,
                        t.location()));
            }
        }
        for (TopicContract topic : topics.topics()) {
            String where = topics.location() + " (topic '" + topic.name() + "')";
            plans.add(new SubjectPlan(
                    topic.key().subject(), topic.key().level(), topic.key().schema(), List.of(), where));
            List<PlannedReference> refs = topic.value().eventTypes().stream()
                    .map(e -> new PlannedReference(e, topics.referencedTypeSubject(e), null))
                    .toList();
            String union = topic.value().eventTypes().stream()
                    .map(e -> "\"" + e + "\"")
                    .collect(Collectors.joining(",", "[", "]"));
            plans.add(new SubjectPlan(
                    topic.value().subject(), Optional.of(topic.value().level()), union, refs, where));
        }
        return plans;
    }

    private static void collect(TypeFile t, ContractTypes types, Set<TypeFile> used) {
        if (used.add(t)) {
            t.dependencies().forEach(d -> types.type(d).ifPresent(dep -> collect(dep, types, used)));
        }
    }

    /**
     * Orders subjects so that referenced subjects come first; otherwise the given order is kept.
     *
     * @param plans the subjects; never null
     * @return the same plans, referenced subjects first; never null
     * @throws ContractException when references form a cycle
     */
    public static List<SubjectPlan> referencesFirst(List<SubjectPlan> plans) {
        Map<String, SubjectPlan> bySubject = new LinkedHashMap<>();
        plans.forEach(p -> bySubject.put(p.subject(), p));
        Set<SubjectPlan> done = new LinkedHashSet<>();
        for (SubjectPlan p : plans) {
            visit(p, bySubject, done, new HashSet<>());
        }
        return List.copyOf(done);
    }

    private static void visit(
            SubjectPlan p, Map<String, SubjectPlan> bySubject, Set<SubjectPlan> done, Set<String> path) {
        if (done.contains(p)) {
            return;
        }
        if (!path.add(p.subject())) {
            throw new ContractException("The references of subject '" + p.subject() + "' form a cycle");
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
}
