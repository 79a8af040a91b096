package dev.eventcontracts.maven.internal.catalog;

import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.schema.SchemaChange;
import java.util.List;

/**
 * What the contract catalog shows: every topic with its layout, key, value subject, level and dead-letter topic;
 * every named type with its fields or symbols, an example and its history across the releases. Built by
 * {@link CatalogBuilder}, rendered by {@link CatalogHtml}.
 *
 * @param title the contracts' name; never null
 * @param version the contracts' version; never null
 * @param releases the release labels, oldest first, e.g. {@code v1}; never null
 * @param topics the topics in declaration order; never null
 * @param types the named types: event types first in the order topics declare them, then the types they use; never
 *     null
 */
public record Catalog(String title, String version, List<String> releases, List<Topic> topics, List<Type> types) {

    /**
     * One topic.
     *
     * @param contract the topic as declared; never null
     * @param keyLevel the key subject's level, or how the registry decides it; never null
     * @param history the value subject's history; never null
     */
    public record Topic(TopicContract contract, String keyLevel, List<HistoryEntry> history) {}

    /**
     * One named type.
     *
     * @param fullName e.g. {@code dev.acme.OrderCreated}; never null
     * @param name the simple name; never null
     * @param kind {@code record}, {@code enum} or {@code fixed}; never null
     * @param doc its doc; empty when none; never null
     * @param topics the topics that carry it as an event type; empty for a type events use; never null
     * @param subject its registry subject; never null
     * @param level its subject's level; never null
     * @param fields a record's fields; empty otherwise; never null
     * @param symbols an enum's symbols; empty otherwise; never null
     * @param enumDefault an enum's default symbol; empty when none or not an enum; never null
     * @param example an example value as indented JSON; never null
     * @param history its subject's history; never null
     */
    public record Type(
            String fullName,
            String name,
            String kind,
            String doc,
            List<String> topics,
            String subject,
            String level,
            List<Field> fields,
            List<String> symbols,
            String enumDefault,
            String example,
            List<HistoryEntry> history) {

        /** Returns whether a topic carries this type as an event type. */
        public boolean eventType() {
            return !topics.isEmpty();
        }
    }

    /**
     * One field of a record.
     *
     * @param name the field name; never null
     * @param type its type, logical types included, e.g. {@code long (timestamp-millis)}; never null
     * @param defaultValue its default as JSON; null when it has none
     * @param doc its doc; empty when none; never null
     */
    public record Field(String name, String type, String defaultValue, String doc) {}

    /**
     * What one release (or the unreleased current contracts) did to a subject.
     *
     * @param release {@code v2}, or {@code unreleased} for the current contracts; never null
     * @param state what happened to the subject there; never null
     * @param subjectVersion the subject's version that release registers; {@code 0} when it registers none
     * @param changes the changes against the previous version; never null
     * @param verdict the gate's verdict at the subject's level; null for a first version or no change
     */
    public record HistoryEntry(
            String release, State state, int subjectVersion, List<SchemaChange> changes, Verdict verdict) {}

    /** What a release did to a subject. */
    public enum State {
        /** The subject's first version. */
        INTRODUCED,
        /** A new version of the subject. */
        CHANGED,
        /** The release left the subject as it was. */
        UNCHANGED,
        /** The release no longer has the subject. */
        REMOVED
    }

    /**
     * The gate's verdict on a version: checked at the subject's level against the versions before it.
     *
     * @param level the level; never null
     * @param against the versions it was checked against, e.g. {@code v1, v2}; never null
     * @param violations every violation; empty when compatible; never null
     */
    public record Verdict(String level, String against, List<Violation> violations) {

        /** Returns whether the version passes the gate. */
        public boolean compatible() {
            return violations.isEmpty();
        }
    }
}
