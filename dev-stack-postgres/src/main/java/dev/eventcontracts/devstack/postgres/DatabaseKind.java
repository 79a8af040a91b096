package dev.eventcontracts.devstack.postgres;

/**
 * The databases a read model runs on, and that {@link OnEachDatabase} runs a test on.
 *
 * @since 0.1.0
 */
public enum DatabaseKind {
    /** H2 in a file: the embedded default of the demo and of local runs. */
    H2("H2"),
    /** PostgreSQL, a real server: what teams run in production. */
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the product name as people write it, e.g. {@code PostgreSQL}; never null. */
    public String displayName() {
        return displayName;
    }
}
