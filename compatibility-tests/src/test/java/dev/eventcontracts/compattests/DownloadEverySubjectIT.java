package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.RegistryProvider;
import dev.eventcontracts.devstack.RunningRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code contracts:download} listed the registry's subjects with one request, so on a registry answering
 * pages of 1,000 subjects (our old default; a Confluent registry configured so) it downloaded at most 1,000. In a
 * real Maven run against our registry with pages of 1,000, a pattern matching 1,500 of its 1,600 subjects writes
 * 1,500 files.
 */
@KafkaIntegrationTest
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DownloadEverySubjectIT {

    private static final int MATCHING = 1_500;
    private static final int OTHERS = 100;

    @Test
    void download_patternMatching1500SubjectsOnARegistryPagingBy1000_writes1500Files(@BootstrapServers String kafka)
            throws Exception {
        RegistryProvider provider =
                ServiceLoader.load(RegistryProvider.class).findFirst().orElseThrow();
        try (RunningRegistry registry = provider.start(
                kafka, Map.of("subject.search.default.limit", "1000", "subject.search.max.limit", "1000"))) {
            registerSubjects(registry.url());
            assertThat(onePage(registry.url()).split(","))
                    .as("one GET /subjects")
                    .hasSize(1_000);
            try (SchemaRegistryClient client = SchemaRegistries.restClient(
                    RegistryClientConfig.builder().urls(registry.url()).build())) {
                assertThat(client.subjects()).hasSize(MATCHING + OTHERS);
            }

            FixtureBuild.Result result = FixtureBuild.of("_base")
                    .run(
                            List.of("contracts:download"),
                            Map.of(
                                    "schema.registry.url", registry.url(),
                                    "contracts.subjectPatterns", "dl\\.match\\..*",
                                    "contracts.outputDirectory", "downloaded"));

            assertThat(result.succeeded()).as(result.output()).isTrue();
            assertThat(result.output()).contains("has " + (MATCHING + OTHERS) + " subject(s)");
            try (Stream<Path> files = Files.list(result.project().resolve("downloaded"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .hasSize(MATCHING)
                        .allMatch(name -> name.startsWith("dl.match.") && name.endsWith(".avsc"));
            }
        }
    }

    private static String onePage(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/subjects")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** 1,500 subjects {@code dl.match.S0000-value}… and 100 {@code dl.other.S000-value}…, 8 clients at once. */
    private static void registerSubjects(String url) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < MATCHING; i++) {
            subjects.add(String.format(Locale.ROOT, "dl.match.S%04d-value", i));
        }
        for (int i = 0; i < OTHERS; i++) {
            subjects.add(String.format(Locale.ROOT, "dl.other.S%03d-value", i));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (SchemaRegistryClient client = SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(url).build())) {
            List<Future<?>> done = new ArrayList<>();
            for (String subject : subjects) {
                done.add(clients.submit(() -> client.register(
                        subject,
                        RegisterSchemaRequest.of(
                                "{\"type\":\"record\",\"name\":\"Item\",\"fields\":[{\"name\":\"sku\",\"type\":\"string\"}]}",
                                null,
                                null),
                        false)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
