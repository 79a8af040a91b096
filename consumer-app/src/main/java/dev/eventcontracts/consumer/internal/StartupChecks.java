package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.consumer.ServiceConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service checks before it joins its consumer group, so that a configuration error stops it at once with
 * a message naming the fix instead of a service that looks healthy while it can never succeed: the read model
 * database (connect, migrate), the registry (the topic's value subject is registered) and Kafka (the topic and
 * its dead-letter topic exist).
 *
 * <p>Each check tells a configuration error — wrong or missing credentials, a missing privilege, an unknown
 * database, subject or topic, no driver — which fails at once ({@link ServiceConfigurationException}), from an
 * outage — the database, registry or brokers not reachable — which is retried with backoff until the start
 * timeout ({@link StartTimeoutException}).
 */
public final class StartupChecks {

    /** What the service waited for did not become reachable within the start timeout. */
    public static final class StartTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartTimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The exit code of the command when what it needs stays unreachable: {@code EX_UNAVAILABLE} of sysexits.h. */
    public static final int EXIT_UNAVAILABLE = 69;

    private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Duration timeout;

    /**
     * Creates the checks.
     *
     * @param timeout how long each check may wait for an outage to end; never null
     */
    public StartupChecks(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Connects to the read model's database and migrates its tables to the current version.
     *
     * @param database the read model; never null
     * @return the migration's result; never null
     */
    public Migrations.Result database(ReadModelDatabase database) {
        return retrying("the read model database " + database, () -> Migrations.migrate(database));
    }

    /**
     * Checks that a subject is registered.
     *
     * @param registry the registry client the service decodes with; never null
     * @param registryUrl the registry's URL, for messages; never null
     * @param subject the topic's value subject; never null
     */
    public void registry(SchemaRegistry registry, String registryUrl, String subject) {
        String where = "the schema registry at " + Secrets.maskUrl(registryUrl);
        retrying(where, () -> {
            try {
                return registry.latest(subject);
            } catch (RegistryException e) {
                throw switch (e.kind()) {
                    case NOT_FOUND ->
                        new ServiceConfigurationException(
                                where + " has no subject '" + subject + "'. Fix: register the contract (mvn "
                                        + "contracts:register, as CI does) or check --schema-registry-url.",
                                e);
                    case UNAUTHORIZED, FORBIDDEN ->
                        new ServiceConfigurationException(
                                where + " refused the service (" + e.kind() + "). Fix: give credentials that may read "
                                        + "subject '" + subject + "', e.g. -X basic.auth.credentials.source=USER_INFO "
                                        + "-X basic.auth.user.info=<user>:<password>.",
                                e);
                    case UNAVAILABLE, OTHER -> new TransientFailureException(where + " not available: " + e, e);
                    default ->
                        new ServiceConfigurationException(
                                where + " rejected the lookup of subject '" + subject + "': " + e.getMessage(), e);
                };
            }
        });
    }

    /**
     * Checks that the topics exist and that the service may read them.
     *
     * @param admin an admin client of the cluster; never null
     * @param bootstrapServers the cluster's address, for messages; never null
     * @param topics the topics; never null
     * @return each topic's description; never null
     */
    public Map<String, TopicDescription> topics(Admin admin, String bootstrapServers, List<String> topics) {
        String where = "Kafka at " + bootstrapServers;
        return retrying(where, () -> {
            try {
                return admin.describeTopics(topics).allTopicNames().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UnknownTopicOrPartitionException || cause instanceof InvalidTopicException) {
                    throw new ServiceConfigurationException(
                            where + " has no topic " + missing(admin, topics) + ". Fix: create the contract's topics"
                                    + " as schemas/topics.json declares them (the demo's TopicSetup does) or check"
                                    + " --bootstrap-servers.",
                            cause);
                }
                if (cause instanceof AuthorizationException || cause instanceof AuthenticationException) {
                    throw new ServiceConfigurationException(
                            where + " refused the service: " + cause.getMessage() + ". Fix: grant the service's "
                                    + "principal DESCRIBE and READ on " + topics + " and WRITE on the dead-letter "
                                    + "topic, or give its credentials with -X sasl.jaas.config=...",
                            cause);
                }
                throw new TransientFailureException(where + " not available: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking the topics", e);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                throw new TransientFailureException(where + " not available: " + e.getMessage(), e);
            }
        });
    }

    private static String missing(Admin admin, List<String> topics) {
        try {
            return topics.stream()
                    .filter(t -> {
                        try {
                            admin.describeTopics(List.of(t)).allTopicNames().get();
                            return false;
                        } catch (ExecutionException e) {
                            return e.getCause() instanceof UnknownTopicOrPartitionException;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return true;
                        }
                    })
                    .map(t -> "'" + t + "'")
                    .reduce((a, b) -> a + " and " + b)
                    .orElse(topics.toString());
        } catch (RuntimeException e) {
            return topics.toString();
        }
    }

    /** Runs a check, retrying outages with backoff until the timeout; configuration errors pass through. */
    private <T> T retrying(String what, Supplier<T> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long backoff = FIRST_BACKOFF_MS;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return check.get();
            } catch (TransientFailureException e) {
                if (System.nanoTime() + backoff * 1_000_000 - deadline > 0) {
                    throw new StartTimeoutException(
                            what + " was not reachable within " + timeout.toSeconds() + " s (" + attempt
                                    + " attempts): " + e.getMessage() + ". Fix: check that it runs and the address,"
                                    + " or wait longer with --startup-timeout-seconds.",
                            e);
                }
                LOG.warn(
                        "{} not reachable yet (attempt {}), retrying in {} ms: {}",
                        what,
                        attempt,
                        backoff,
                        e.getMessage());
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
