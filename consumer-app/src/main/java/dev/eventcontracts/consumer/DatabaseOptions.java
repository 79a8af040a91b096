package dev.eventcontracts.consumer;

import picocli.CommandLine.Option;

/**
 * Where the read model is and who the service is there, as a picocli mixin shared by the service and its
 * {@code rebuild} command. Credentials come from the options, else from the environment
 * ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}), else from the driver's own mechanisms (PostgreSQL:
 * {@code ?user=…&password=…} in the URL, {@code ~/.pgpass} or the file {@code PGPASSFILE} names, and the
 * operating-system user; H2: {@code sa} with an empty password). The password is never logged or shown.
 */
final class DatabaseOptions {

    /** The environment variable with the database user. */
    static final String USER_VARIABLE = "READ_MODEL_JDBC_USER";
    /** The environment variable with the database password. */
    static final String PASSWORD_VARIABLE = "READ_MODEL_JDBC_PASSWORD";

    @Option(
            names = "--jdbc-url",
            defaultValue = ConsumerSettings.DEFAULT_JDBC_URL,
            description = "Read model database: H2 (default ${DEFAULT-VALUE}) or PostgreSQL, e.g. "
                    + "jdbc:postgresql://db:5432/orders. Both drivers ship with the service.")
    String jdbcUrl;

    @Option(
            names = "--jdbc-user",
            defaultValue = "${env:" + USER_VARIABLE + "}",
            description = "Database user (default: $" + USER_VARIABLE + ", else the driver's: H2 sa, PostgreSQL "
                    + "the URL's user= or the operating-system user).")
    String jdbcUser;

    @Option(
            names = "--jdbc-password",
            defaultValue = "${env:" + PASSWORD_VARIABLE + "}",
            arity = "0..1",
            interactive = true,
            description = "Database password; without a value, asked for on the terminal (default: $"
                    + PASSWORD_VARIABLE + ", else the driver's: PostgreSQL's ~/.pgpass or PGPASSFILE).")
    String jdbcPassword;
}
