package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar: {@code java -jar registry-server-<version>-all.jar} configured from a properties file and
 * {@code SCHEMA_REGISTRY_*} environment variables, on a real broker, stopped gracefully by SIGTERM.
 */
@KafkaIntegrationTest
class ExecutableJarIT {

    @TempDir
    Path dir;

    @Test
    void javaJar_servesTheApiFromFileAndEnvironmentSettingsAndStopsOnSigterm(KafkaCluster kafka) throws Exception {
        int port = freePort();
        Path properties = dir.resolve("registry.properties");
        Files.writeString(
                properties,
                "listeners=http://127.0.0.1:" + port + "\nhost.name=127.0.0.1\n"
                        + "kafkastore.topic.replication.factor=1\n");
        Path log = dir.resolve("registry.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        shadedJar().toString(),
                        properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        builder.environment().put("SCHEMA_REGISTRY_KAFKASTORE_TOPIC", "_schemas-jar-" + UUID.randomUUID());
        Process registry = builder.start();
        try {
            Rest rest = new Rest("http://127.0.0.1:" + port);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> rest.get("/health/ready").status() == 200);

            assertThat(rest.register("jar-value", "\"string\"").status()).isEqualTo(200);
            assertThat(rest.get("/subjects").text()).isEqualTo("[\"jar-value\"]");

            registry.destroy();
            assertThat(registry.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("registry ready at").contains("stopped");
        } finally {
            registry.destroyForcibly();
        }
    }

    private static Path shadedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("registry-server-.*-all\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no shaded jar in target" + File.separator + "; the package phase builds it"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
