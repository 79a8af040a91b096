package dev.eventcontracts.server.clientit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.client.SubjectVersion;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.schema.SchemaReference;
import dev.eventcontracts.server.RegistryServer;
import dev.eventcontracts.server.RegistryServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client reads every list to its end from this registry configured with pages of 2 (the client's side of
 * paged lists): subjects, versions, the referrers of a version and the subject versions of an id all hold more items
 * than one page.
 */
@KafkaIntegrationTest
class PagedListsAgainstServerIT {

    private static final String MONEY =
            "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"p\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    @Test
    void everyList_registryAnsweringPagesOfTwo_isReadToItsEnd(@BootstrapServers String kafka) {
        try (RegistryServer server = ClientFixture.startServer(
                        kafka,
                        Map.of(
                                RegistryServerConfig.SUBJECT_SEARCH_DEFAULT_LIMIT, "2",
                                RegistryServerConfig.SUBJECT_SEARCH_MAX_LIMIT, "2",
                                RegistryServerConfig.SUBJECT_VERSION_SEARCH_DEFAULT_LIMIT, "2",
                                RegistryServerConfig.SUBJECT_VERSION_SEARCH_MAX_LIMIT, "2",
                                RegistryServerConfig.SCHEMA_SEARCH_DEFAULT_LIMIT, "2",
                                RegistryServerConfig.SCHEMA_SEARCH_MAX_LIMIT, "2"));
                SchemaRegistryClient client = ClientFixture.restClient(server.url())) {
            List<String> holders = List.of("m1", "m2", "m3", "m4", "m5");
            int id = 0;
            for (String subject : holders) {
                id = client.register(subject, RegisterSchemaRequest.of(MONEY, null, null), false)
                        .id();
            }
            for (int v = 1; v <= 5; v++) {
                client.register("grow", RegisterSchemaRequest.of(growing(v), null, null), false);
            }
            for (int i = 0; i < 5; i++) {
                client.register(
                        "user" + i,
                        RegisterSchemaRequest.of(
                                "{\"type\":\"record\",\"name\":\"U" + i + "\",\"namespace\":\"p\",\"fields\":"
                                        + "[{\"name\":\"m\",\"type\":\"p.Money\"}]}",
                                null,
                                List.of(new SchemaReference("p.Money", "m1", 1))),
                        false);
            }

            assertThat(client.subjects()).hasSize(11);
            assertThat(client.versions("grow")).containsExactly(1, 2, 3, 4, 5);
            assertThat(client.referencedBy("m1", 1)).hasSize(5);
            List<String> holding = new ArrayList<>();
            for (SubjectVersion sv : client.subjectVersionsById(id)) {
                holding.add(sv.subject());
            }
            assertThat(holding).containsExactlyInAnyOrderElementsOf(holders);
        }
    }

    private static String growing(int v) {
        StringBuilder s = new StringBuilder(
                "{\"type\":\"record\",\"name\":\"Grow\",\"namespace\":\"p\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}");
        for (int f = 1; f < v; f++) {
            s.append(",{\"name\":\"f").append(f).append("\",\"type\":\"int\",\"default\":0}");
        }
        return s.append("]}").toString();
    }
}
