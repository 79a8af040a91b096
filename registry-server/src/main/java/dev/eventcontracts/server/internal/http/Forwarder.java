package dev.eventcontracts.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.server.internal.service.ErrorKind;
import dev.eventcontracts.server.internal.service.RegistryException;
import dev.eventcontracts.server.internal.service.WriteGate;
import dev.eventcontracts.server.internal.store.RecordLog;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a write to the writer instance (as Confluent forwards to its leader), relays the writer's answer, and
 * before that waits until this instance has applied everything the writer wrote, so this instance serves the
 * write as soon as the client has the answer.
 *
 * <p>While a writer is being replaced the forwarding waits instead of failing: a writer that cannot be reached,
 * or that answers it is not (yet) the writer, never received or never started the write, so the write is sent
 * again once this instance knows a writer (itself included: then it sends the write to its own listener), until
 * {@code leader.wait.timeout.ms} has passed. A write sent whose answer never came may have been committed: a
 * registration or a {@code PUT} of a setting is sent again (the writer answers it the same whether or not the
 * first one committed); any other write answers 50003 saying that it may or may not have been applied.
 */
final class Forwarder {

    /** Marks a forwarded request; a forwarded request is never forwarded again. */
    static final String FORWARDED_HEADER = "X-Eventcontracts-Forwarded";

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_PAUSE_MS = 50;
    private static final long LONGEST_PAUSE_MS = 800;
    /** How long each wait for another writer than an unreachable one lasts before that one is tried again. */
    private static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(1);

    private final RecordLog log;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration syncTimeout;
    private final Duration writerWait;
    private final Supplier<String> ownUrl;

    /**
     * Creates the forwarder.
     *
     * @param requestTimeout how long the writer may take to answer one forwarded request
     * @param syncTimeout how long this instance may take to catch up with the writer after its answer
     * @param writerWait {@code leader.wait.timeout.ms}, for messages
     * @param ownUrl this instance's advertised URL, for when it becomes the writer while a write waits
     */
    Forwarder(
            RecordLog log,
            HttpClient client,
            Duration requestTimeout,
            Duration syncTimeout,
            Duration writerWait,
            Supplier<String> ownUrl) {
        this.log = log;
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.syncTimeout = syncTimeout;
        this.writerWait = writerWait;
        this.ownUrl = ownUrl;
    }

    /**
     * Forwards the request and writes the writer's answer.
     *
     * @param waitDeadlineNanos the {@link System#nanoTime()} until which the write may wait for a writer
     * @throws RegistryException 50004 when no writer is known in time, 50003 when the writer cannot be reached in
     *     time or a non-repeatable write got no answer, 50002 when this instance does not catch up in time
     */
    void forward(Context ctx, long waitDeadlineNanos) {
        if (ctx.header(FORWARDED_HEADER) != null) {
            throw notTheWriterHere();
        }
        BodyReader.Body body = BodyReader.bytesOrEmpty(ctx);
        String unreachable = null;
        long pauseMs = FIRST_PAUSE_MS;
        while (true) {
            Duration remaining = Duration.ofNanos(Math.max(0, waitDeadlineNanos - System.nanoTime()));
            boolean known =
                    log.awaitWriter(unreachable, unreachable == null ? remaining : min(remaining, UNREACHABLE_RETRY));
            if (!known && (unreachable == null || System.nanoTime() - waitDeadlineNanos >= 0)) {
                // the whole wait is over (or the store closed) and still no writer to send the write to
                throw unreachable == null ? noWriter() : unreachable(unreachable);
            }
            // not known but an unreachable writer: it may be back, try it again
            String target = log.isWriter() ? ownUrl.get() : log.writerUrl().orElse(unreachable);
            if (target == null) {
                if (System.nanoTime() - waitDeadlineNanos >= 0) {
                    throw noWriter();
                }
                continue;
            }
            HttpResponse<byte[]> answer;
            try {
                answer = send(ctx, body, target);
            } catch (ConnectException | HttpConnectTimeoutException e) {
                LOG.debug("the writer {} cannot be reached ({}); waiting for a writer", target, e.toString());
                unreachable = target;
                continue;
            } catch (IOException e) {
                if (!repeatable(ctx)) {
                    throw new RegistryException(
                            e,
                            ErrorKind.FORWARDING_FAILED,
                            "Error while forwarding the request to the leader: the writer at " + target
                                    + " did not answer; " + WriteGate.OUTCOME_UNKNOWN);
                }
                LOG.debug("the writer {} did not answer ({}); sending the write again", target, e.toString());
                unreachable = target;
                continue;
            }
            if (notTheWriter(answer)) {
                LOG.debug("{} is not the writer (yet); asking again in {} ms", target, pauseMs);
                sleep(Math.min(pauseMs, remainingMillis(waitDeadlineNanos)));
                pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
                unreachable = null;
                if (System.nanoTime() - waitDeadlineNanos >= 0) {
                    throw noWriter();
                }
                continue;
            }
            if (answer.statusCode() < 300) {
                awaitLocalCatchUp();
            }
            Http.write(ctx, answer.statusCode(), answer.body());
            return;
        }
    }

    private HttpResponse<byte[]> send(Context ctx, BodyReader.Body body, String writer) throws IOException {
        String query = ctx.queryString();
        URI target = URI.create(stripSlash(writer) + ctx.req().getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .method(ctx.method().name(), publisher(body))
                .header(FORWARDED_HEADER, "1");
        copyHeader(ctx, request, "Content-Type");
        copyHeader(ctx, request, "Authorization");
        copyHeader(ctx, request, "Accept");
        LOG.debug("forwarding {} {} to the writer {}", ctx.method(), ctx.path(), writer);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    e,
                    ErrorKind.FORWARDING_FAILED,
                    "Error while forwarding the request to the leader: interrupted; " + WriteGate.OUTCOME_UNKNOWN);
        }
    }

    /** The body with its length, so the writer reads it as it read the original (no chunked encoding). */
    private static HttpRequest.BodyPublisher publisher(BodyReader.Body body) {
        return body.length() == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofByteArrays(body.segments()), body.length());
    }

    /**
     * Whether sending the write again gives the answer the first one would have given, committed or not: a
     * registration answers the version that holds the schema, a {@code PUT} of a config or mode sets it again.
     */
    private static boolean repeatable(Context ctx) {
        if (ctx.method() == HandlerType.PUT) {
            return true;
        }
        String path = ctx.endpointHandlerPath();
        return ctx.method() == HandlerType.POST && path.startsWith("/subjects/") && path.endsWith("/versions");
    }

    /** The writer's answer says it never started the write: it is not the writer, or it is starting or stopping. */
    private static boolean notTheWriter(HttpResponse<byte[]> answer) {
        if (answer.statusCode() == 503) {
            return true;
        }
        if (answer.statusCode() != 500) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(answer.body());
            return error != null && error.path("error_code").asInt() == ErrorKind.UNKNOWN_LEADER.errorCode();
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitLocalCatchUp() {
        try {
            log.syncToEnd().get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    e, ErrorKind.OPERATION_TIMEOUT, "Operation timed out; the write was applied by the writer");
        } catch (Exception e) {
            throw new RegistryException(
                    e,
                    ErrorKind.OPERATION_TIMEOUT,
                    "Operation timed out while waiting for the store to catch up; the write was applied by the "
                            + "writer");
        }
    }

    /** A forwarded write reached an instance that is not the writer: the origin waits and sends it again. */
    private static RegistryException notTheWriterHere() {
        return new RegistryException(
                ErrorKind.UNKNOWN_LEADER,
                "Leader not known: this instance is not the writer (yet); the write was not applied");
    }

    private RegistryException noWriter() {
        return new RegistryException(
                ErrorKind.UNKNOWN_LEADER,
                "Leader not known: no writer took over within " + writerWait.toMillis()
                        + " ms (leader.wait.timeout.ms); the write was not applied");
    }

    private RegistryException unreachable(String url) {
        return new RegistryException(
                ErrorKind.FORWARDING_FAILED,
                "Error while forwarding the request to the leader: the writer at " + url + " could not be reached "
                        + "within " + writerWait.toMillis() + " ms (leader.wait.timeout.ms); the write was not "
                        + "applied");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    e, ErrorKind.UNKNOWN_LEADER, "Leader not known: interrupted; the write was not applied");
        }
    }

    private static void copyHeader(Context ctx, HttpRequest.Builder request, String name) {
        String value = ctx.header(name);
        if (value != null) {
            request.header(name, value);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
