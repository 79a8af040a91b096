package dev.eventcontracts.cli;

import picocli.CommandLine.Option;

/**
 * Where Kafka and the schema registry are, as a picocli mixin: {@code -b/--bootstrap-servers} and
 * {@code -s/--schema-registry-url}, declared once for every command that talks to both.
 *
 * <p>Use it with {@code @Mixin ConnectionOptions connection;} in a picocli command.
 *
 * @since 0.1.0
 */
public final class ConnectionOptions {

    @Option(
            names = {"-b", "--bootstrap-servers"},
            defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(
            names = {"-s", "--schema-registry-url"},
            defaultValue = "http://localhost:8081",
            description = "Schema registry URL (default ${DEFAULT-VALUE}).")
    private String registryUrl;

    /** Creates the mixin; picocli fills it from the command line. */
    public ConnectionOptions() {}

    /** Returns the Kafka {@code bootstrap.servers}; never null after parsing. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Returns the registry's {@code schema.registry.url}; never null after parsing. */
    public String registryUrl() {
        return registryUrl;
    }
}
