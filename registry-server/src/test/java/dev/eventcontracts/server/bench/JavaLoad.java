package dev.eventcontracts.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Load from the JDK's HttpClient when {@code wrk} is missing: 2 threads, 16 requests in flight over keep-alive
 * HTTP/1.1 connections, a bounded number of requests (2,000 per second asked for).
 */
final class JavaLoad implements RegistryLoadBenchmark.Load {

    @Override
    public String name() {
        return "JDK HttpClient, 2 threads x 16 in flight (HTTP/1.1 keep-alive)";
    }

    @Override
    public RegistryLoadBenchmark.Result get(String url, int seconds) throws Exception {
        return run(
                seconds * 2_000,
                i -> HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    @Override
    public RegistryLoadBenchmark.Result post(String url, String body, int seconds) throws Exception {
        return run(
                seconds * 2_000,
                i -> HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    @Override
    public RegistryLoadBenchmark.Result postUnique(String url, int seconds) throws Exception {
        return run(
                seconds * 200,
                i -> HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":"
                                + RegistryLoadBenchmark.quote("{\"type\":\"record\",\"name\":\"J" + i
                                        + "\",\"fields\":[{\"name\":\"a\",\"type\":" + "\"string\"}]}")
                                + "}"))
                        .build());
    }

    private RegistryLoadBenchmark.Result run(int total, IntFunction<HttpRequest> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(threads)
                .build();
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        CompletableFuture<?>[] lanes = new CompletableFuture<?>[16];
        for (int lane = 0; lane < lanes.length; lane++) {
            lanes[lane] = lane(client, requests, latencies, next, errors, total);
        }
        CompletableFuture.allOf(lanes).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        Arrays.sort(latencies);
        return new RegistryLoadBenchmark.Result(
                total / elapsed, latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6, errors.get());
    }

    private CompletableFuture<Void> lane(
            HttpClient client,
            IntFunction<HttpRequest> requests,
            long[] latencies,
            AtomicInteger next,
            AtomicLong errors,
            int total) {
        int i = next.getAndIncrement();
        if (i >= total) {
            return CompletableFuture.completedFuture(null);
        }
        long sent = System.nanoTime();
        return client.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
                .thenCompose(r -> {
                    latencies[i] = System.nanoTime() - sent;
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    return lane(client, requests, latencies, next, errors, total);
                });
    }
}
