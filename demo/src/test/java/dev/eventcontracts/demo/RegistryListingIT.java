package dev.eventcontracts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.server.RegistryServer;
import dev.eventcontracts.server.RegistryServerConfig;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's registry summary lists every subject and every version when the registry answers in pages: here 2
 * subjects and 2 versions per page, 5 subjects of 3 versions.
 */
@KafkaIntegrationTest
class RegistryListingIT {

    @Test
    void read_registryAnsweringInPages_listsEverySubjectWithEveryVersion(@BootstrapServers String kafka) {
        String id = UUID.randomUUID().toString();
        try (RegistryServer server = RegistryServer.start(RegistryServerConfig.of(Map.of(
                        RegistryServerConfig.LISTENERS,
                        "http://127.0.0.1:0",
                        "kafkastore.bootstrap.servers",
                        kafka,
                        "kafkastore.topic",
                        "_schemas-listing-" + id,
                        "kafkastore.topic.replication.factor",
                        "1",
                        "schema.registry.group.id",
                        "listing-" + id,
                        RegistryServerConfig.SUBJECT_SEARCH_DEFAULT_LIMIT,
                        "2",
                        RegistryServerConfig.SUBJECT_SEARCH_MAX_LIMIT,
                        "2",
                        RegistryServerConfig.SUBJECT_VERSION_SEARCH_DEFAULT_LIMIT,
                        "2",
                        RegistryServerConfig.SUBJECT_VERSION_SEARCH_MAX_LIMIT,
                        "2")));
                SchemaRegistryClient client = SchemaRegistries.restClient(
                        RegistryClientConfig.builder().urls(server.url()).build())) {
            for (String subject : List.of("e-value", "d-value", "c-value", "b-value", "a-value")) {
                for (int v = 1; v <= 3; v++) {
                    client.register(subject, RegisterSchemaRequest.of(version(v), null, null), false);
                }
            }

            Map<String, List<Integer>> listing = RegistryListing.read(client);

            assertThat(listing).hasSize(5);
            assertThat(listing.keySet()).containsExactly("a-value", "b-value", "c-value", "d-value", "e-value");
            assertThat(listing.values())
                    .allSatisfy(versions -> assertThat(versions).containsExactly(1, 2, 3));
        }
    }

    /** A record with {@code v - 1} optional fields: each version backward compatible with the one before. */
    private static String version(int v) {
        StringBuilder s = new StringBuilder(
                "{\"type\":\"record\",\"name\":\"Listed\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}");
        for (int f = 1; f < v; f++) {
            s.append(",{\"name\":\"f").append(f).append("\",\"type\":\"int\",\"default\":0}");
        }
        return s.append("]}").toString();
    }
}
