package dev.eventcontracts.producer;

import picocli.CommandLine.Option;

/**
 * The command-line options that say where Kafka and the schema registry are, as a picocli mixin.
 *
 * <p>Why a mixin of this module: the order service and the order-processing service declare the same two options,
 * but each is built, like a user's service, against {@code contracts-lib} and {@code avro-serde} only, neither of
 * which carries picocli. So each service has this class, and the demo's {@code ConnectionOptionsAgreeTest} checks
 * that both declare the options alike.
 */
final class ConnectionOptions {

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

    /** Returns the Kafka {@code bootstrap.servers}; never null after parsing. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Returns the registry's {@code schema.registry.url}; never null after parsing. */
    String registryUrl() {
        return registryUrl;
    }
}
