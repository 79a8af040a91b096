package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With more than 1,000 subjects, {@code GET /subjects} answered the first 1,000 and nothing said so (our
 * {@code subject.search.default.limit} was 1,000; Confluent's is {@code Integer.MAX_VALUE}). With the defaults, a
 * registry of 2,000 subjects lists all 2,000, and {@code offset}/{@code limit} page the sorted names as Confluent
 * does.
 */
@WithRegistryOnKafka
class SubjectListingAtScaleIT {

    private static final int SUBJECTS = 2_000;

    private final Rest rest;
    private final List<String> sorted = IntStream.range(0, SUBJECTS)
            .mapToObj(i -> String.format(Locale.ROOT, "scale-%04d-value", i))
            .toList();

    SubjectListingAtScaleIT(Rest rest) {
        this.rest = rest;
    }

    @BeforeAll
    void registerTwoThousandSubjects() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String subject : sorted) {
                statuses.add(clients.submit(
                        () -> rest.register(subject, "\"string\"").status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void listSubjects_twoThousandSubjectsWithTheDefaults_answersAllOfThem() {
        assertThat(names(rest.get("/subjects").json())).isEqualTo(sorted);
    }

    @Test
    void listSubjects_offsetAndLimit_pageTheSortedNames() {
        assertThat(names(rest.get("/subjects?offset=500&limit=1000").json())).isEqualTo(sorted.subList(500, 1500));
        assertThat(names(rest.get("/subjects?offset=1990").json())).isEqualTo(sorted.subList(1990, 2000));
        assertThat(names(rest.get("/subjects?offset=2000&limit=5").json())).isEmpty();
    }

    @Test
    void listSubjects_limitZeroOrNegative_answersEverySubject() {
        assertThat(rest.get("/subjects?limit=0").json()).hasSize(SUBJECTS);
        assertThat(rest.get("/subjects?limit=-1&offset=1").json()).hasSize(SUBJECTS - 1);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
