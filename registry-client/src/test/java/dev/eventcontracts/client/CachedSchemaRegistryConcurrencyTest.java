package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventcontracts.client.FakeRegistry.Reply;
import dev.eventcontracts.schema.AvroSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many threads asking for the same keys at once cost one HTTP call per key. */
class CachedSchemaRegistryConcurrencyTest {

    private static final List<Integer> IDS = List.of(1, 4, 6, 7);
    private static final int THREADS_PER_ID = 8;

    @Test
    @Timeout(30)
    void schemaById_askedByManyThreadsWhileLoading_makesOneHttpCallPerId() throws Exception {
        Fixture fixture = Fixture.load();
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(IDS.size() * THREADS_PER_ID, r -> {
            Thread t = new Thread(r, "caller");
            workers.add(t);
            return t;
        });
        try (FakeRegistry server = FakeRegistry.http();
                SchemaRegistry registry = SchemaRegistries.create(RegistryClientConfig.builder()
                        .urls(server.url())
                        .maxRetries(0)
                        .build())) {
            IDS.forEach(id -> server.on("GET", "/schemas/ids/" + id, Reply.gated(gate, fixture.schemaById(id))));
            List<Future<AvroSchema>> results = new ArrayList<>();
            Map<Integer, List<Future<AvroSchema>>> byId = new ConcurrentHashMap<>();
            for (int i = 0; i < THREADS_PER_ID; i++) {
                for (int id : IDS) {
                    Future<AvroSchema> f = pool.submit(() -> registry.schemaById(id));
                    results.add(f);
                    byId.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(f);
                }
            }

            // every caller is parked: one per id in its HTTP call, the others waiting for that call
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> server.requests().size() == IDS.size()
                            && workers.size() == results.size()
                            && workers.stream()
                                    .allMatch(t -> t.getState() == Thread.State.WAITING
                                            || t.getState() == Thread.State.TIMED_WAITING));
            gate.countDown();

            for (Map.Entry<Integer, List<Future<AvroSchema>>> e : byId.entrySet()) {
                AvroSchema first = e.getValue().get(0).get(10, TimeUnit.SECONDS);
                for (Future<AvroSchema> f : e.getValue()) {
                    assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
                }
            }
            for (int id : IDS) {
                assertThat(server.count("GET", "/schemas/ids/" + id))
                        .as("requests for id %d", id)
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
