package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.consumer.ServiceConfigurationException;
import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.server.DevStackRegistryProvider;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service against a Kafka cluster and registry of its own, where the contract is not yet in place: it stops at
 * once, before joining its group, naming first the missing subject, then, once the contract is registered, the
 * missing topics.
 */
@Tag("integration")
@Timeout(180)
class UnpreparedClusterIT {

    @Test
    void service_refusesToStart_namingTheMissingSubject_thenTheMissingTopics(@TempDir Path dir) throws Exception {
        TopicContract topic = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
        try (KafkaCluster kafka = KafkaCluster.builder().start();
                RunningRegistry registry = new DevStackRegistryProvider().start(kafka.bootstrapServers(), Map.of())) {
            String[] args = {
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--schema-registry-url",
                registry.url(),
                "--group-id",
                "unprepared",
                "--jdbc-url",
                "jdbc:h2:file:" + dir.resolve("model").toAbsolutePath(),
                "--metrics-port",
                "-1",
                "--startup-timeout-seconds",
                "60"
            };

            ServiceCommand.Run noSubject = ServiceCommand.run(args);

            assertThat(noSubject.exitCode()).as(noSubject.err()).isEqualTo(ServiceConfigurationException.EXIT_CODE);
            assertThat(noSubject.err())
                    .contains("has no subject '" + topic.value().subject() + "'")
                    .contains("Fix: register the contract");

            try (SchemaRegistryClient client = SchemaRegistries.restClient(
                    RegistryClientConfig.builder().urls(registry.url()).build())) {
                ContractRegistrar registrar = new ContractRegistrar(client);
                ReleasedContracts.all().forEach(registrar::register);
            }
            ServiceCommand.Run noTopic = ServiceCommand.run(args);

            assertThat(noTopic.exitCode()).as(noTopic.err()).isEqualTo(ServiceConfigurationException.EXIT_CODE);
            assertThat(noTopic.err())
                    .contains("has no topic '" + topic.name() + "' and '" + topic.deadLetterTopic() + "'")
                    .contains("Fix: create the contract's topics");
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertThat(admin.listConsumerGroups().all().get())
                        .as("the service's group was never joined (the registry's own group aside)")
                        .noneMatch(group -> group.groupId().equals("unprepared"));
            }
        }
    }
}
