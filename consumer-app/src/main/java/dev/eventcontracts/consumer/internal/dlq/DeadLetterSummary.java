package dev.eventcontracts.consumer.internal.dlq;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code dlq list} view: dead letters grouped by consumer group and reason, with counts and the first and last
 * of each group (coordinates and time). Memory grows with the number of groups and reasons, not of records.
 */
public final class DeadLetterSummary {

    private static final class Row {
        long count;
        DeadLetterRecord first;
        DeadLetterRecord last;
    }

    private final Map<String, Map<String, Row>> rows = new TreeMap<>();
    private long total;

    /** Counts one dead letter. */
    public void add(DeadLetterRecord letter) {
        Row row = rows.computeIfAbsent(letter.group(), g -> new TreeMap<>())
                .computeIfAbsent(letter.reason(), r -> new Row());
        row.count++;
        if (row.first == null || letter.timestamp().isBefore(row.first.timestamp())) {
            row.first = letter;
        }
        if (row.last == null || !letter.timestamp().isBefore(row.last.timestamp())) {
            row.last = letter;
        }
        total++;
    }

    /** Returns how many dead letters were counted. */
    public long total() {
        return total;
    }

    /** Returns the counts: group to reason to count, sorted; never null. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        rows.forEach((group, reasons) -> reasons.forEach((reason, row) ->
                counts.computeIfAbsent(group, g -> new TreeMap<>()).put(reason, row.count)));
        return counts;
    }

    /**
     * Prints the table.
     *
     * @param out where to; never null
     */
    public void print(PrintWriter out) {
        if (total == 0) {
            out.println("no dead letters");
            return;
        }
        String format = "%-32s %-20s %7s  %-44s %s%n";
        out.printf(format, "GROUP", "REASON", "COUNT", "FIRST", "LAST");
        rows.forEach((group, reasons) -> reasons.forEach((reason, row) ->
                out.printf(format, group, reason, row.count, describe(row.first), describe(row.last))));
    }

    private static String describe(DeadLetterRecord letter) {
        return letter.record().partition() + "@" + letter.record().offset() + " " + second(letter.timestamp());
    }

    private static String second(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
