package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.FakeRegistry.Recorded;
import dev.eventcontracts.client.FakeRegistry.Reply;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry answers lists in pages when its {@code *.search.*.limit} settings say so, and a client that
 * read only the first page missed the rest without a sign. Every list is read until an empty page, from registries
 * that page (Confluent 8, ours), that ignore {@code offset} (older Confluent, Apicurio, Karapace) or whose list
 * shifts between two requests.
 */
class PagedListsTest {

    private FakeRegistry server;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = FakeRegistry.http();
        client = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(server.url()).maxRetries(0).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void subjects_registryAnswersInPages_readsEveryPageUntilAnEmptyOne() {
        server.on("GET", "/subjects", Reply.ok("[\"a\",\"b\"]"))
                .on("GET", "/subjects?offset=2", Reply.ok("[\"c\",\"d\"]"))
                .on("GET", "/subjects?offset=4", Reply.ok("[\"e\"]"))
                .on("GET", "/subjects?offset=5", Reply.ok("[]"));

        assertThat(client.subjects()).containsExactly("a", "b", "c", "d", "e");
        assertThat(server.requests())
                .extracting(Recorded::target)
                .containsExactly("/subjects", "/subjects?offset=2", "/subjects?offset=4", "/subjects?offset=5");
    }

    @Test
    void subjects_registryIgnoresOffset_readsTheListOnceMore() {
        server.on("GET", "/subjects", Reply.ok("[\"a\",\"b\"]"))
                .on("GET", "/subjects?offset=2", Reply.ok("[\"a\",\"b\"]"));

        assertThat(client.subjects()).containsExactly("a", "b");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void subjects_subjectRegisteredBetweenTwoPages_keepsReadingWithoutRepeats() {
        server.on("GET", "/subjects", Reply.ok("[\"b\",\"c\"]"))
                .on("GET", "/subjects?offset=2", Reply.ok("[\"c\",\"d\"]"))
                .on("GET", "/subjects?offset=4", Reply.ok("[]"));

        assertThat(client.subjects()).containsExactly("b", "c", "d");
    }

    @Test
    void subjects_withPrefixAndFlags_keepsThemOnEveryPage() {
        server.on("GET", "/subjects?subjectPrefix=x.&deletedOnly=true", Reply.ok("[\"x.a\"]"))
                .on("GET", "/subjects?subjectPrefix=x.&deletedOnly=true&offset=1", Reply.ok("[]"));

        assertThat(client.subjects("x.", false, true)).containsExactly("x.a");
    }

    @Test
    void versions_referencedByAndVersionsOfAnId_areReadToTheEndToo() {
        server.on("GET", "/subjects/s/versions?deleted=true", Reply.ok("[1,2]"))
                .on("GET", "/subjects/s/versions?deleted=true&offset=2", Reply.ok("[3]"))
                .on("GET", "/subjects/s/versions?deleted=true&offset=3", Reply.ok("[]"))
                .on("GET", "/subjects/s/versions/1/referencedby", Reply.ok("[7,8]"))
                .on("GET", "/subjects/s/versions/1/referencedby?offset=2", Reply.ok("[9]"))
                .on("GET", "/subjects/s/versions/1/referencedby?offset=3", Reply.ok("[]"))
                .on("GET", "/schemas/ids/4/versions", Reply.ok("[{\"subject\":\"s\",\"version\":1}]"))
                .on("GET", "/schemas/ids/4/versions?offset=1", Reply.ok("[{\"subject\":\"t\",\"version\":2}]"))
                .on("GET", "/schemas/ids/4/versions?offset=2", Reply.ok("[]"));

        assertThat(client.versions("s", true, false)).containsExactly(1, 2, 3);
        assertThat(client.referencedBy("s", 1)).containsExactly(7, 8, 9);
        assertThat(client.subjectVersionsById(4))
                .containsExactly(new SubjectVersion("s", 1), new SubjectVersion("t", 2));
    }

    @Test
    void subjects_emptyRegistry_oneRequest() {
        server.on("GET", "/subjects", Reply.ok("[]"));

        assertThat(client.subjects()).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }
}
