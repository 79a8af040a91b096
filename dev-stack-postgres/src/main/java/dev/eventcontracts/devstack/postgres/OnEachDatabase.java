package dev.eventcontracts.devstack.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once per database — by default on H2 and on PostgreSQL — each time with a fresh, empty
 * {@link TestDatabase} as a parameter:
 *
 * <pre>
 * &#64;OnEachDatabase
 * void redeliveredEvent_isSkipped(TestDatabase database) { ... }   // runs as [H2] and as [PostgreSQL]
 * </pre>
 *
 * <p>PostgreSQL is a real server from Maven Central's binaries, started once per test JVM and shared by every test
 * (about 2 s the first time); each test gets a database of its own, owned by a role of its own with a password.
 * H2 is a file in a temporary directory. Both are deleted after the run.
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(EachDatabaseExtension.class)
public @interface OnEachDatabase {

    /**
     * Returns the databases to run on, in this order.
     *
     * @return the databases; by default H2 and PostgreSQL
     */
    DatabaseKind[] value() default {DatabaseKind.H2, DatabaseKind.POSTGRESQL};
}
