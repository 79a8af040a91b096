package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.producer.ProducerCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as users run them: the order service's CLI, and the dev stack as its own process. */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(180)
class CommandsIT {

    @Test
    void producerCommand_v1_sendsAndReportsEveryEventAcknowledged(
            @BootstrapServers String kafka, RunningRegistry registry) {
        new StackFixture(kafka, registry.url());
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ProducerCommand());
        command.setOut(new PrintWriter(out, true));

        int exit = command.execute(
                "--count",
                "300",
                "--rate",
                "1000",
                "--contract-version",
                "1",
                "--bootstrap-servers",
                kafka,
                "--schema-registry-url",
                registry.url(),
                "--seed",
                "42");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains(
                        "Produced to 'order-events' (seed 42): contract v1: sent 300, " + "acknowledged 300, failed 0");
    }

    @Test
    void stackCommand_startsKafkaAndTheRegistryWithTopicsAndContracts_andStopsOnSigterm(@TempDir Path dir)
            throws Exception {
        int kafkaPort = freePort();
        int registryPort = freePort();
        Path log = dir.resolve("stack.log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        StackCommand.class.getName(),
                        "--kafka-port",
                        Integer.toString(kafkaPort),
                        "--registry-port",
                        Integer.toString(registryPort),
                        "--data-dir",
                        dir.resolve("data").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> Files.readString(log).contains("Ready:"));
            String bootstrap = "localhost:" + kafkaPort;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.listTopics().names().get())
                        .contains(StackFixture.TOPIC.name(), StackFixture.TOPIC.deadLetterTopic());
            }
            try (SchemaRegistryClient client = SchemaRegistries.restClient(RegistryClientConfig.builder()
                    .urls("http://127.0.0.1:" + registryPort)
                    .build())) {
                assertThat(client.versions(StackFixture.TOPIC.value().subject()))
                        .isEqualTo(List.of(1, 2));
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log))
                .contains("Kafka 4.1.1 ready at localhost:" + kafkaPort)
                .contains("Schema registry ready at http://127.0.0.1:" + registryPort)
                .contains("Contract v2 registered")
                .contains("Stopped.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
