package dev.eventcontracts.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the order-processing service connects, where its read model lives and which contract version it reads.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}; never null
 * @param schemaRegistryUrl the registry's {@code schema.registry.url}; never null
 * @param groupId the consumer group; instances with the same group share the partitions; never null
 * @param jdbcUrl the read model database, e.g. {@value #DEFAULT_JDBC_URL} or a PostgreSQL URL (its driver on the
 *     classpath); never null
 * @param jdbcUser the database user; never null
 * @param jdbcPassword the database password; never null
 * @param contractVersion the released contract version to read with, from 1; {@code 0} for the newest, read
 *     into the generated classes
 * @param lagLogInterval how often to log the consumer lag; zero for never; never null
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

    /** Checks the values and copies the overrides. */
    public ConsumerSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(jdbcUser, "jdbcUser");
        Objects.requireNonNull(jdbcPassword, "jdbcPassword");
        Objects.requireNonNull(lagLogInterval, "lagLogInterval");
        if (contractVersion < 0) {
            throw new IllegalArgumentException(
                    "contractVersion must be 0 (newest) or a release, was " + contractVersion);
        }
        overrides = Map.copyOf(overrides);
    }

    /**
     * Returns settings with the default group, user {@code sa} without password, the newest contract, lag
     * logged every 30 s and no overrides.
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
                "sa",
                "",
                0,
                Duration.ofSeconds(30),
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
                settings);
    }
}
