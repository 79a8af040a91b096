package dev.eventcontracts.consumer.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The databases the read model runs on, and the SQL in which they differ: how to insert a row only if its key is
 * new, and how to raise a stored offset. Everything else the read model does is SQL both accept.
 *
 * <p>Why each dialect's own statement: PostgreSQL's {@code INSERT … ON CONFLICT DO NOTHING} is the one statement
 * that neither raises a unique-key violation nor writes an {@code ERROR} line to the server log when the key
 * exists, even under concurrent writers (measured on PostgreSQL 17); H2 2.3 does not accept it outside its
 * PostgreSQL compatibility mode, which would change the whole database. H2 has no server log, and a duplicate it
 * reports (SQLSTATE {@code 23505}) leaves its transaction usable.
 */
public enum Dialect {
    /** H2 2.x. */
    H2("jdbc:h2:", "h2"),
    /** PostgreSQL 12 or newer. */
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String vendor;

    Dialect(String urlPrefix, String vendor) {
        this.urlPrefix = urlPrefix;
        this.vendor = vendor;
    }

    /**
     * Returns the dialect of a JDBC URL.
     *
     * @param jdbcUrl the URL; never null
     * @return the dialect, or empty for a database the read model does not support
     */
    public static Optional<Dialect> of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (url.startsWith(dialect.urlPrefix)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** Returns the URL prefix, e.g. {@code jdbc:postgresql:}; never null. */
    public String urlPrefix() {
        return urlPrefix;
    }

    /** Returns the vendor name Flyway and Spring use for migration folders, e.g. {@code postgresql}; never null. */
    public String vendor() {
        return vendor;
    }

    /**
     * Returns an {@code INSERT} of the given columns that inserts nothing, and reports 0 rows, when the key exists.
     * On H2 a plain {@code INSERT}: the caller looked the keys up first, so only a concurrent writer makes it fail.
     */
    String insertIfAbsent(String table, String columns, int count) {
        String insert = "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders(count) + ")";
        return this == POSTGRESQL ? insert + " ON CONFLICT DO NOTHING" : insert;
    }

    /**
     * Returns a {@code SELECT} of the given columns of the rows whose key is in an array parameter (the only
     * parameter, set with {@code Connection.createArrayOf("VARCHAR", …)}), optionally locking them.
     *
     * <p>Why two forms: on PostgreSQL a prepared {@code key = ANY (?)} gets, after five executions, a generic plan
     * that assumes a 10-element array and a small table, so it scans the whole table and compares every row with
     * every element of the array — measured on the order read model at 20,000 orders: 51 ms a batch of 500, 9.1 s of a
     * 14.4 s run. PostgreSQL gets the unnested array joined to the table instead; to lock, a lateral subquery per
     * key with {@code FOR UPDATE}, which the planner cannot merge into a hash join over the whole table, so each
     * key is one primary-key lookup however large the table grows. H2 turns {@code key = ANY (?)} into index
     * lookups itself and has no {@code unnest} join with a locking subquery.
     */
    String selectByKeys(String table, String key, List<String> columns, boolean lock) {
        if (this == POSTGRESQL) {
            String keys = "SELECT " + columns.stream().map(c -> "t." + c).collect(Collectors.joining(", "))
                    + " FROM unnest(CAST(? AS VARCHAR[])) AS k(" + key + ")";
            // a locking subquery is not merged into the join: one index lookup per key, whatever the table's size
            return lock
                    ? keys + " CROSS JOIN LATERAL (SELECT " + String.join(", ", columns) + " FROM " + table
                            + " r WHERE r." + key + " = k." + key + " FOR UPDATE) t"
                    : keys + " JOIN " + table + " t ON t." + key + " = k." + key;
        }
        return "SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE " + key + " = ANY (?)"
                + (lock ? " FOR UPDATE" : "");
    }

    /**
     * Returns, where the database has one, a single statement that inserts the claims of a whole batch from one
     * array parameter per column and returns the ids it inserted (an id already present is skipped, as by
     * {@link #insertIfAbsent}); empty where the batch is sent row by row.
     *
     * <p>Parameters: event ids, order ids, event types, outcomes, source topics (each {@code VARCHAR[]}),
     * partitions ({@code INTEGER[]}), offsets ({@code BIGINT[]}), redrive ids ({@code VARCHAR[]}), then the one
     * {@code processed_at} of the batch. Why: PostgreSQL executes a JDBC batch of 500 inserts as 500 statements;
     * one statement over arrays inserts the same rows in a fraction of the time (measured in the commit that
     * introduced it).
     */
    Optional<String> insertClaimsFromArrays(String table) {
        if (this != POSTGRESQL) {
            return Optional.empty();
        }
        return Optional.of("INSERT INTO " + table + " (event_id, order_id, event_type, outcome, source_topic,"
                + " source_partition, source_offset, processed_at, redrive_id)"
                + " SELECT c.event_id, c.order_id, c.event_type, c.outcome, c.source_topic, c.source_partition,"
                + " c.source_offset, CAST(? AS TIMESTAMP WITH TIME ZONE), c.redrive_id"
                + " FROM unnest(CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]),"
                + " CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS INTEGER[]), CAST(? AS BIGINT[]),"
                + " CAST(? AS VARCHAR[]))"
                + " AS c(event_id, order_id, event_type, outcome, source_topic, source_partition, source_offset,"
                + " redrive_id)"
                + " ON CONFLICT DO NOTHING RETURNING event_id");
    }

    /** Returns the statement that stores a partition's next offset, never lowering the one stored. */
    String raisePosition() {
        if (this == POSTGRESQL) {
            return "INSERT INTO " + ReadModelTables.READ_POSITIONS
                    + " (source_topic, source_partition, next_offset, updated_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (source_topic, source_partition) DO UPDATE SET"
                    + " next_offset = GREATEST(" + ReadModelTables.READ_POSITIONS + ".next_offset,"
                    + " EXCLUDED.next_offset), updated_at = EXCLUDED.updated_at";
        }
        return "MERGE INTO " + ReadModelTables.READ_POSITIONS + " t USING (VALUES (CAST(? AS VARCHAR(249)),"
                + " CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE)))"
                + " s(source_topic, source_partition, next_offset, updated_at)"
                + " ON t.source_topic = s.source_topic AND t.source_partition = s.source_partition"
                + " WHEN MATCHED THEN UPDATE SET next_offset = GREATEST(t.next_offset, s.next_offset),"
                + " updated_at = s.updated_at"
                + " WHEN NOT MATCHED THEN INSERT (source_topic, source_partition, next_offset, updated_at)"
                + " VALUES (s.source_topic, s.source_partition, s.next_offset, s.updated_at)";
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
