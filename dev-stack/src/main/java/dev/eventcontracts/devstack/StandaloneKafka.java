package dev.eventcontracts.devstack;

import dev.eventcontracts.devstack.internal.BrokerDefaults;
import dev.eventcontracts.devstack.internal.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka (KRaft, one combined broker-and-controller) running in this JVM, with its data in a
 * directory that survives restarts: the broker a developer or a demo runs on a known port.
 *
 * <p>Why not {@link KafkaCluster}: that one is for tests, formats fresh temporary storage on every start and
 * deletes it on close. This one is started the way {@code kafka-storage.sh format} and
 * {@code kafka-server-start.sh} start Kafka: an existing data directory keeps its cluster id and topics, and
 * the generated {@code server.properties} is written next to the data so it can be read, or reused with
 * Apache's scripts. It is what {@link DevStackCommand} runs.
 *
 * <pre>{@code
 * try (StandaloneKafka kafka = StandaloneKafka.start(Path.of("target/kafka"), 9092)) {
 *     String bootstrapServers = kafka.bootstrapServers();   // localhost:9092
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class StandaloneKafka implements AutoCloseable {

    private static final String LOG_DIR = "kraft-combined-logs";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private boolean closed;

    private StandaloneKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the data directory if it is new (an existing one keeps its cluster id and topics), starts the node
     * and returns once the broker is unfenced and accepts connections on {@code localhost}.
     *
     * @param dataDir the data directory, created if missing; not null
     * @param clientPort the loopback port clients connect to, 1 to 65535; {@code 0} picks a free one
     * @return the running broker, never null; the caller closes it
     * @throws IllegalArgumentException if {@code clientPort} is outside 0 to 65535
     * @throws IllegalStateException if formatting or start-up fails, naming the generated configuration file
     * @throws java.io.UncheckedIOException if the data directory or the configuration file cannot be written
     */
    public static StandaloneKafka start(Path dataDir, int clientPort) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (clientPort < 0 || clientPort > 65535) {
            throw new IllegalArgumentException("clientPort must be between 0 and 65535, was " + clientPort);
        }
        int port = clientPort == 0 ? Ports.free() : clientPort;
        Path configFile = dataDir.resolve("server.properties");
        Properties config = config(dataDir.toAbsolutePath(), port, Ports.free());
        write(config, configFile);
        if (!Files.exists(dataDir.resolve(LOG_DIR).resolve("meta.properties"))) {
            format(configFile);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new IllegalStateException(
                    "Kafka did not start with " + configFile.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return new StandaloneKafka(server, "localhost:" + port);
    }

    /**
     * Returns the address clients connect to.
     *
     * @return {@code localhost:<port>} for {@code bootstrap.servers}, never null
     */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Blocks until the node has shut down, by {@link #close()} or on its own after a fatal error.
     */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /**
     * Shuts the node down cleanly (log segments flushed, clean-shutdown marker written) and waits for it; calling
     * it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static Properties config(Path dataDir, int clientPort, int controllerPort) {
        Properties config = new Properties();
        config.putAll(BrokerDefaults.forBrokers(1));
        config.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                // A static voter: the controller port may change between runs without reformatting.
                "controller.quorum.voters", "1@localhost:" + controllerPort,
                "listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://localhost:" + clientPort,
                "inter.broker.listener.name", "PLAINTEXT",
                "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs", dataDir.resolve(LOG_DIR).toString()));
        return config;
    }

    private static void write(Properties config, Path configFile) {
        try {
            Files.createDirectories(configFile.getParent());
            try (OutputStream out = Files.newOutputStream(configFile)) {
                config.store(out, "Generated by dev-stack on every start; edits are overwritten");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile.toAbsolutePath(), e);
        }
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString()};
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "formatting Kafka storage with " + configFile.toAbsolutePath() + " failed: " + e.getMessage(), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException(
                    "formatting Kafka storage with " + configFile.toAbsolutePath() + " exited with " + exitCode + ": "
                            + output.toString(StandardCharsets.UTF_8).trim());
        }
    }
}
