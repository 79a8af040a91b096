package dev.eventcontracts.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.contracts.ReleaseChange.Kind;
import dev.eventcontracts.schema.SchemaChange;
import dev.eventcontracts.schema.SchemaDiff;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.Schema;

/**
 * What one contract version changes against the one before it, as {@link ReleaseChange}s: topics and event types
 * from the descriptors, named types, fields and symbols from the parsed schemas (nested types included), and
 * "changed otherwise" for a file whose JSON differs while no field or symbol of its types came or went.
 */
final class ReleaseDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseDiff() {}

    /**
     * Lists the changes of a version against the previous one.
     *
     * @param before the previous version's descriptor and types; null for a first release
     * @param after the new version's descriptor and types; never null
     * @return the changes, topics first, then types in dependency order; never null
     */
    static List<ReleaseChange> between(Version before, Version after) {
        List<ReleaseChange> changes = new ArrayList<>();
        topics(before == null ? null : before.topics(), after.topics(), changes);
        Map<String, Schema> old =
                before == null ? Map.of() : named(before.types().values());
        Map<String, Schema> now = named(after.types().values());
        now.keySet().stream()
                .filter(Predicate.not(old::containsKey))
                .forEach(n -> changes.add(new ReleaseChange(Kind.TYPE_ADDED, n, kindOf(now.get(n)))));
        old.keySet().stream()
                .filter(Predicate.not(now::containsKey))
                .forEach(n -> changes.add(new ReleaseChange(Kind.TYPE_REMOVED, n, "")));
        if (before == null) {
            return changes;
        }
        for (TypeFile file : after.files().types()) {
            List<ReleaseChange> inFile = new ArrayList<>();
            for (String name : file.definedNames().stream().sorted().toList()) {
                if (old.containsKey(name)) {
                    members(name, old.get(name), now.get(name), inFile);
                }
            }
            changes.addAll(inFile);
            before.files()
                    .type(file.fullName())
                    .filter(previous -> inFile.isEmpty() && !sameJson(previous.text(), file.text()))
                    .ifPresent(previous -> changes.add(new ReleaseChange(
                            Kind.TYPE_CHANGED, file.fullName(), "docs, defaults, aliases or field types")));
        }
        return changes;
    }

    /** The parts of one contract version the diff reads. */
    record Version(TopicContracts topics, ContractTypes files, Map<String, Schema> types) {}

    /** Returns whether two JSON texts hold the same JSON (formatting aside). */
    static boolean sameJson(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return a.equals(b);
        }
    }

    private static void topics(TopicContracts before, TopicContracts after, List<ReleaseChange> changes) {
        for (TopicContract topic : after.topics()) {
            TopicContract previous =
                    before == null ? null : before.topic(topic.name()).orElse(null);
            if (previous == null) {
                changes.add(new ReleaseChange(
                        Kind.TOPIC_ADDED,
                        topic.name(),
                        "carries " + String.join(", ", topic.value().eventTypes())));
                continue;
            }
            List<String> was = previous.value().eventTypes();
            List<String> is = topic.value().eventTypes();
            is.stream()
                    .filter(Predicate.not(was::contains))
                    .forEach(e -> changes.add(
                            new ReleaseChange(Kind.EVENT_TYPE_ADDED, e, "on topic '" + topic.name() + "'")));
            was.stream()
                    .filter(Predicate.not(is::contains))
                    .forEach(e -> changes.add(
                            new ReleaseChange(Kind.EVENT_TYPE_REMOVED, e, "from topic '" + topic.name() + "'")));
        }
        if (before != null) {
            before.topics().stream()
                    .filter(t -> after.topic(t.name()).isEmpty())
                    .forEach(t -> changes.add(new ReleaseChange(Kind.TOPIC_REMOVED, t.name(), "")));
        }
    }

    /** A type's own fields and symbols added or removed, and a change of its kind, from the schema diff. */
    private static void members(String name, Schema old, Schema now, List<ReleaseChange> changes) {
        for (SchemaChange c : SchemaDiff.between(old, now)) {
            if (!c.type().equals(name)) {
                continue; // nested types are listed under their own name
            }
            switch (c.kind()) {
                case FIELD_ADDED -> changes.add(new ReleaseChange(Kind.FIELD_ADDED, c.path(), c.after()));
                case FIELD_REMOVED -> changes.add(new ReleaseChange(Kind.FIELD_REMOVED, c.path(), ""));
                case SYMBOL_ADDED -> changes.add(new ReleaseChange(Kind.SYMBOL_ADDED, c.path(), ""));
                case SYMBOL_REMOVED -> changes.add(new ReleaseChange(Kind.SYMBOL_REMOVED, c.path(), ""));
                case TYPE_CHANGED -> {
                    if (old.getType() != now.getType()) {
                        changes.add(new ReleaseChange(Kind.TYPE_CHANGED, name, c.before() + " became " + c.after()));
                    }
                }
                default -> {
                    // field changes, docs and defaults: the file-level "changed otherwise" line covers them
                }
            }
        }
    }

    /** Every named type reachable from the given schemas, nested ones included, by full name in first-seen order. */
    private static Map<String, Schema> named(Collection<Schema> roots) {
        Map<String, Schema> named = new LinkedHashMap<>();
        roots.forEach(s -> SchemaDiff.named(s).forEach(named::putIfAbsent));
        return named;
    }

    private static String kindOf(Schema s) {
        return s.getType().getName();
    }
}
