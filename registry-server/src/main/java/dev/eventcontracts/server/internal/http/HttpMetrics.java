package dev.eventcontracts.server.internal.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request count and latency per endpoint (route template, method, status) as the timer
 * {@code registry_http_requests_seconds}.
 */
final class HttpMetrics {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, float millis) {
        String endpoint = endpoint(ctx);
        String method = ctx.method().name();
        int status = ctx.statusCode();
        String key = method + ' ' + endpoint + ' ' + status;
        Timer timer = timers.computeIfAbsent(
                key,
                k -> Timer.builder("registry.http.requests")
                        .description("HTTP requests by endpoint")
                        .tag("method", method)
                        .tag("endpoint", endpoint)
                        .tag("status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .register(registry));
        timer.record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    private static String endpoint(Context ctx) {
        String path = ctx.endpointHandlerPath();
        // Javalin names unmatched requests with a sentence, not a path
        return path == null || !path.startsWith("/") ? "unmatched" : path;
    }
}
