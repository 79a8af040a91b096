package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.service.ErrorKind;
import dev.eventcontracts.server.internal.service.RegistryException;
import dev.eventcontracts.server.internal.store.RecordLog;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a write to the writer instance (as Confluent forwards to its leader), relays the writer's answer, and
 * before that waits until this instance has applied everything the writer wrote, so this instance serves the
 * write as soon as the client has the answer.
 */
final class Forwarder {

    /** Marks a forwarded request; a forwarded request is never forwarded again. */
    static final String FORWARDED_HEADER = "X-Eventcontracts-Forwarded";

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

    private final RecordLog log;
    private final HttpClient client;
    private final Duration timeout;

    Forwarder(RecordLog log, HttpClient client, Duration timeout) {
        this.log = log;
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Forwards the request and writes the writer's answer.
     *
     * @throws RegistryException 50004 when the writer is unknown, 50003 when it cannot be reached, 50002 when this
     *     instance does not catch up in time
     */
    void forward(Context ctx) {
        send(ctx);
    }

    private void send(Context ctx) {
        String writer = log.writerUrl().orElse(null);
        if (writer == null || ctx.header(FORWARDED_HEADER) != null) {
            throw new RegistryException(ErrorKind.UNKNOWN_LEADER, "Leader not known.");
        }
        String query = ctx.queryString();
        URI target = URI.create(stripSlash(writer) + ctx.req().getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(ctx.method().name(), publisher(BodyReader.bytesOrEmpty(ctx)))
                .header(FORWARDED_HEADER, "1");
        copyHeader(ctx, request, "Content-Type");
        copyHeader(ctx, request, "Authorization");
        copyHeader(ctx, request, "Accept");
        HttpResponse<byte[]> answer;
        try {
            LOG.debug("forwarding {} {} to the writer {}", ctx.method(), ctx.path(), writer);
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RegistryException(
                    e, ErrorKind.FORWARDING_FAILED, "Error while forwarding the request to the leader");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    e, ErrorKind.FORWARDING_FAILED, "Error while forwarding the request to the leader");
        }
        if (answer.statusCode() < 300) {
            awaitLocalCatchUp();
        }
        Http.write(ctx, answer.statusCode(), answer.body());
    }

    /** The body with its length, so the writer reads it as it read the original (no chunked encoding). */
    private static HttpRequest.BodyPublisher publisher(BodyReader.Body body) {
        return body.length() == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofByteArrays(body.segments()), body.length());
    }

    private void awaitLocalCatchUp() {
        try {
            log.syncToEnd().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(e, ErrorKind.OPERATION_TIMEOUT, "Operation timed out");
        } catch (Exception e) {
            throw new RegistryException(
                    e, ErrorKind.OPERATION_TIMEOUT, "Operation timed out while waiting for the store to catch up");
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
