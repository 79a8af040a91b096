package dev.eventcontracts.consumer.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells database failures that say "try again later" from failures caused by the data.
 *
 * <p>Transient: the JDBC exception classes for it ({@code SQLTransientException}, {@code SQLRecoverableException},
 * a lost connection) and the portable SQLSTATE classes {@code 08} (connection), {@code 40} (transaction rollback:
 * deadlock, serialization failure), {@code 53} (insufficient resources), {@code 57} (operator intervention, e.g.
 * PostgreSQL shutting down), and {@code HYT} (timeout). Everything else — constraint violations ({@code 23}),
 * data exceptions ({@code 22}) — is about the record.
 */
public final class SqlFailures {

    /** SQLSTATE of a unique or primary key violation, in H2 and PostgreSQL alike. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlFailures() {}

    /**
     * Returns whether retrying later can succeed.
     *
     * @param failure the failure; never null
     * @return {@code true} for a transient failure
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("57")
                        || state.startsWith("HYT")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns whether the failure is a unique key violation.
     *
     * @param failure the failure; never null
     * @return {@code true} for SQLSTATE {@value #UNIQUE_VIOLATION}
     */
    public static boolean isUniqueViolation(SQLException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSQLState());
    }
}
