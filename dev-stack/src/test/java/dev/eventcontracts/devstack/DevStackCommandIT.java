package dev.eventcontracts.devstack;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.devstack.internal.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dev command in its own JVM, as a developer runs it: start, use, SIGTERM. */
@Tag("integration")
@Timeout(value = 120, unit = SECONDS)
class DevStackCommandIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** What a JVM that ran its shutdown hooks after SIGTERM exits with (128 + 15). */
    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path dataDir;

    @Test
    void command_servesRecords_andStopsCleanlyOnSigterm() throws Exception {
        int port = Ports.free();
        try (ChildJvm command = ChildJvm.start(
                DevStackCommand.class, "--port", Integer.toString(port), "--data-dir", dataDir.toString())) {
            String bootstrap = bootstrapOf(command.awaitLine("Kafka ready at ", START_TIMEOUT));
            assertThat(bootstrap).isEqualTo("localhost:" + port);

            try (KafkaProducer<String, String> producer = TestClients.producer(bootstrap, Map.of())) {
                producer.send(new ProducerRecord<>("dev-stack-smoke", "hello", "world"))
                        .get(30, SECONDS);
            }
            assertThat(TestClients.readToEnd(bootstrap, "dev-stack-smoke", Duration.ofSeconds(20)))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("world");

            assertThat(command.terminate(STOP_TIMEOUT)).as(command.describe()).isEqualTo(SIGTERM_EXIT);
            assertThat(command.stdout().lines())
                    .as(command.describe())
                    .hasSize(3)
                    .satisfiesExactly(
                            line -> assertThat(line).startsWith("Kafka ready at "),
                            line -> assertThat(line).isEqualTo("Stopping Kafka..."),
                            line -> assertThat(line).startsWith("Kafka stopped in "));
            assertThat(dataDir.resolve("kraft-combined-logs/.kafka_cleanshutdown"))
                    .exists();
        }
    }

    @Test
    void restart_onTheSameDataDir_keepsTopics() throws Exception {
        runOnce(kafka -> kafka.createTopics(Set.of(new NewTopic("kept", 2, (short) 1)))
                .all()
                .get());

        runOnce(kafka -> assertThat(kafka.listTopics().names().get()).contains("kept"));
    }

    @Test
    void busyPort_fallsBackToAFreePort_andSaysSo() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ChildJvm command = ChildJvm.start(
                        DevStackCommand.class,
                        "--port",
                        Integer.toString(busy.getLocalPort()),
                        "--data-dir",
                        dataDir.toString())) {
            String bootstrap = bootstrapOf(command.awaitLine("Kafka ready at ", START_TIMEOUT));

            assertThat(bootstrap).startsWith("localhost:").isNotEqualTo("localhost:" + busy.getLocalPort());
            assertThat(command.stderr())
                    .contains(
                            "port " + busy.getLocalPort() + " is already in use",
                            "using free port " + bootstrap.substring("localhost:".length()));
            assertThat(command.terminate(STOP_TIMEOUT)).isEqualTo(SIGTERM_EXIT);
        }
    }

    private interface AdminAction {
        void run(Admin admin) throws Exception;
    }

    private void runOnce(AdminAction action) throws Exception {
        try (ChildJvm command =
                ChildJvm.start(DevStackCommand.class, "--port", "0", "--data-dir", dataDir.toString())) {
            String bootstrap = bootstrapOf(command.awaitLine("Kafka ready at ", START_TIMEOUT));
            try (Admin admin = TestClients.admin(bootstrap)) {
                action.run(admin);
            }
            assertThat(command.terminate(STOP_TIMEOUT)).as(command.describe()).isEqualTo(SIGTERM_EXIT);
        }
    }

    private static String bootstrapOf(String readyLine) {
        return readyLine.substring("Kafka ready at ".length()).split(" ")[0];
    }
}
