package dev.eventcontracts.compat.internal;

import dev.eventcontracts.compat.Direction;
import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks one direction against one old version: Avro's checker first (its verdict is Confluent's), then our
 * stricter rules, minus the relaxed ones.
 *
 * @param violations every violation, duplicates removed; never null
 * @param confluentEntries Confluent's entries for this direction, in Avro's order (duplicates kept, as
 *     Confluent writes them), then ours for the stricter rules; never null
 */
public record DirectionCheck(List<Violation> violations, List<String> confluentEntries) {

    /** Copies the lists. */
    public DirectionCheck {
        violations = List.copyOf(violations);
        confluentEntries = List.copyOf(confluentEntries);
    }

    /**
     * Runs the check.
     *
     * @param direction BACKWARD (the candidate reads) or FORWARD (the old version reads); never null
     * @param oldVersion the old version's number
     * @param candidate the new schema; never null
     * @param old the old version's schema; never null
     * @param relaxed the stricter rules not to report; never null
     * @return the outcome; never null
     */
    public static DirectionCheck run(
            Direction direction, int oldVersion, Schema candidate, Schema old, Set<Rule> relaxed) {
        Reading r = Reading.of(direction, oldVersion, candidate, old);
        String readerSide = r.backward() ? "new" : "old";
        String writerSide = r.backward() ? "old" : "new";
        Set<Violation> violations = new LinkedHashSet<>();
        List<String> entries = new ArrayList<>();
        try {
            for (Incompatibility inc : SchemaCompatibility.checkReaderWriterCompatibility(r.reader(), r.writer())
                    .getResult()
                    .getIncompatibilities()) {
                entries.add(ConfluentText.difference(inc, readerSide, writerSide));
                violations.addAll(AvroFindings.translate(r, inc, SchemaPaths.ROOT));
            }
        } catch (AvroRuntimeException e) {
            // Avro refuses to resolve a reader field whose aliases match several writer fields.
            entries.add(ConfluentText.unexpected(e));
            violations.add(r.violation(
                    Rule.FIELD_ALIAS_AMBIGUOUS,
                    SchemaPaths.ROOT,
                    "Avro cannot resolve " + r.readerName() + " against " + r.writtenData() + ": " + e.getMessage(),
                    "give each field names and aliases that match at most one field of the other version"));
        }
        for (Violation v : StrictRules.check(r)) {
            if (!relaxed.contains(v.rule()) && violations.add(v)) {
                entries.add(ConfluentText.strict(v));
            }
        }
        return new DirectionCheck(new ArrayList<>(violations), entries);
    }

    /** Returns whether nothing was found. */
    public boolean isEmpty() {
        return violations.isEmpty();
    }
}
