package dev.eventcontracts.consumer;

import dev.eventcontracts.consumer.internal.Secrets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the order-processing service connects, where its read model lives and which contract version it reads.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}; never null
 * @param schemaRegistryUrl the registry's {@code schema.registry.url}; never null
 * @param groupId the consumer group; instances with the same group share the partitions; never null
 * @param jdbcUrl the read model database, e.g. {@value #DEFAULT_JDBC_URL} or
 *     {@code jdbc:postgresql://host:5432/orders}; never null
 * @param jdbcUser the database user, or null for the driver's default (H2: {@code sa}; PostgreSQL: the user in the
 *     URL, else the operating-system user)
 * @param jdbcPassword the database password, or null to leave it to the driver (H2: empty; PostgreSQL: the URL's
 *     {@code password} parameter, else {@code ~/.pgpass} or the file {@code PGPASSFILE} names)
 * @param contractVersion the released contract version to read with, from 1; {@code 0} for the newest, read
 *     into the generated classes
 * @param lagLogInterval how often to log the consumer lag; zero for never; never null
 * @param startupTimeout how long the start may wait for the database, the registry and Kafka to become reachable
 *     (a configuration error fails at once); never null
 * @param overrides extra consumer, producer (dead-letter) and deserializer settings, applied last; never null
 * @since 0.1.0
 */
public record ConsumerSettings(
        String bootstrapServers,
        String schemaRegistryUrl,
        String groupId,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        int contractVersion,
        Duration lagLogInterval,
        Duration startupTimeout,
        Map<String, String> overrides) {

    /** The default consumer group. */
    public static final String DEFAULT_GROUP_ID = "order-processing-service";
    /**
     * The default read model: an H2 database in a file under {@code ./data}. {@code AUTO_SERVER} lets several
     * instances on one machine share it; {@code WRITE_DELAY=0} makes every commit reach the file before the
     * offsets are committed (H2's default writes up to a second later, and a killed process loses those commits);
     * {@code MAX_COMPACT_TIME=0} avoids H2's compaction when the last connection closes: H2 2.3.232's compaction
     * fails an internal assertion when Java assertions are on (as in tests) and leaves an empty database behind
     * (seen after a few open-query-close cycles). Keep both when you change the URL of an H2 read model.
     */
    public static final String DEFAULT_JDBC_URL =
            "jdbc:h2:file:./data/order-read-model;AUTO_SERVER=TRUE;WRITE_DELAY=0;MAX_COMPACT_TIME=0";
    /** How long the start waits by default for the database, the registry and Kafka: 60 s. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** Checks the values and copies the overrides. */
    public ConsumerSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(lagLogInterval, "lagLogInterval");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (contractVersion < 0) {
            throw new IllegalArgumentException(
                    "contractVersion must be 0 (newest) or a release, was " + contractVersion);
        }
        overrides = Map.copyOf(overrides);
    }

    /**
     * Returns settings with the default group, the driver's default credentials, the newest contract, lag logged
     * every 30 s, the default start timeout and no overrides.
     *
     * @param bootstrapServers Kafka's {@code bootstrap.servers}; never null
     * @param schemaRegistryUrl the registry URL; never null
     * @param jdbcUrl the read model database; never null
     * @return the settings; never null
     */
    public static ConsumerSettings of(String bootstrapServers, String schemaRegistryUrl, String jdbcUrl) {
        return new ConsumerSettings(
                bootstrapServers,
                schemaRegistryUrl,
                DEFAULT_GROUP_ID,
                jdbcUrl,
                null,
                null,
                0,
                Duration.ofSeconds(30),
                DEFAULT_STARTUP_TIMEOUT,
                Map.of());
    }

    /**
     * Returns a copy with another consumer group.
     *
     * @param group the group; never null
     * @return the copy; never null
     */
    public ConsumerSettings withGroupId(String group) {
        return new ConsumerSettings(
                bootstrapServers,
                schemaRegistryUrl,
                group,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                contractVersion,
                lagLogInterval,
                startupTimeout,
                overrides);
    }

    /**
     * Returns a copy with another read model database.
     *
     * @param url the JDBC URL; never null
     * @param user the user, or null for the driver's default
     * @param password the password, or null for the driver's own mechanisms
     * @return the copy; never null
     */
    public ConsumerSettings withDatabase(String url, String user, String password) {
        return new ConsumerSettings(
                bootstrapServers,
                schemaRegistryUrl,
                groupId,
                url,
                user,
                password,
                contractVersion,
                lagLogInterval,
                startupTimeout,
                overrides);
    }

    /**
     * Returns a copy that reads with another contract version.
     *
     * @param version a released version, or {@code 0} for the newest
     * @return the copy; never null
     */
    public ConsumerSettings withContractVersion(int version) {
        return new ConsumerSettings(
                bootstrapServers,
                schemaRegistryUrl,
                groupId,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                version,
                lagLogInterval,
                startupTimeout,
                overrides);
    }

    /**
     * Returns a copy that logs the lag at another interval.
     *
     * @param interval the interval; zero for never; never null
     * @return the copy; never null
     */
    public ConsumerSettings withLagLogInterval(Duration interval) {
        return new ConsumerSettings(
                bootstrapServers,
                schemaRegistryUrl,
                groupId,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                contractVersion,
                interval,
                startupTimeout,
                overrides);
    }

    /**
     * Returns a copy that waits at most this long at start for what it connects to.
     *
     * @param timeout the timeout; never null
     * @return the copy; never null
     */
    public ConsumerSettings withStartupTimeout(Duration timeout) {
        return new ConsumerSettings(
                bootstrapServers,
                schemaRegistryUrl,
                groupId,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                contractVersion,
                lagLogInterval,
                timeout,
                overrides);
    }

    /**
     * Returns a copy with other overrides.
     *
     * @param settings extra client settings; never null
     * @return the copy; never null
     */
    public ConsumerSettings withOverrides(Map<String, String> settings) {
        return new ConsumerSettings(
                bootstrapServers,
                schemaRegistryUrl,
                groupId,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                contractVersion,
                lagLogInterval,
                startupTimeout,
                settings);
    }

    /** The settings with the password and every secret override masked, so that they can be logged. */
    @Override
    public String toString() {
        return "ConsumerSettings[bootstrapServers=" + bootstrapServers + ", schemaRegistryUrl="
                + Secrets.maskUrl(schemaRegistryUrl) + ", groupId=" + groupId + ", jdbcUrl=" + Secrets.maskUrl(jdbcUrl)
                + ", jdbcUser=" + jdbcUser + ", jdbcPassword=" + (jdbcPassword == null ? null : Secrets.MASK)
                + ", contractVersion=" + contractVersion + ", lagLogInterval=" + lagLogInterval + ", startupTimeout="
                + startupTimeout + ", overrides=" + Secrets.mask(overrides) + "]";
    }
}
