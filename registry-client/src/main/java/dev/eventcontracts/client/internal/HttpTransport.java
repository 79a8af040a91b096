package dev.eventcontracts.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.RegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends registry requests over the JDK {@link HttpClient} with failover across URLs and retries with
 * exponential backoff, and turns every failure into a {@link RegistryException}.
 *
 * <p>One attempt round tries each URL once, starting at the URL that last worked; after a round in which
 * every URL failed retryably, the next round starts after a backoff, up to {@code 1 + maxRetries} rounds. What
 * is retryable depends on the call's {@link Safety}: a {@link Safety#READ} is retried on I/O errors and
 * HTTP 5xx; a {@link Safety#WRITE} only when the request provably never reached a server (connection
 * refused, connect timeout, TLS handshake failure). HTTP 4xx is never retried.
 *
 * <p>Credentials only travel in the {@code Authorization} header; URLs in messages and logs never carry
 * user-info, and headers are never logged.
 */
public final class HttpTransport implements AutoCloseable {

    /** Whether repeating a call can change the registry's state. */
    public enum Safety {
        /** Read-only: safe to repeat after any failure. */
        READ,
        /** Changes state: repeated only when the request never left this client. */
        WRITE
    }

    /** Reads a success body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * Reads the body.
         *
         * @param body the raw body; empty when there was none
         * @return the value
         * @throws IOException when the body cannot be read
         */
        T read(byte[] body) throws IOException;
    }

    /** Waits between retries: {@code Thread::sleep} unless the transport is given another way. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param millis how long
         * @throws InterruptedException when interrupted
         */
        void sleep(long millis) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    private static final int EXCERPT = 200;

    private record Endpoint(String base, String authorization) {}

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final List<Endpoint> endpoints;
    private final AtomicInteger current = new AtomicInteger();
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates a transport for a configuration.
     *
     * @param config the configuration
     */
    public HttpTransport(RegistryClientConfig config) {
        this(config, Thread::sleep);
    }

    /**
     * Creates a transport with a custom way of waiting between retries.
     *
     * @param config the configuration
     * @param sleeper waits between retries
     */
    public HttpTransport(RegistryClientConfig config, Sleeper sleeper) {
        this.http = buildClient(config);
        this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.endpoints = endpoints(config);
        this.headers = config.httpHeaders();
        this.requestTimeout = config.requestTimeout();
        this.maxRetries = config.maxRetries();
        this.backoff = new Backoff(config.retryBackoff(), config.maxRetryBackoff());
        this.sleeper = sleeper;
    }

    private static HttpClient buildClient(RegistryClientConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        KeyStores.sslContext(config).ifPresent(builder::sslContext);
        config.proxy()
                .ifPresent(p -> builder.proxy(ProxySelector.of(new InetSocketAddress(p.getHostString(), p.getPort()))));
        return builder.build();
    }

    private static List<Endpoint> endpoints(RegistryClientConfig config) {
        String shared = config.bearerToken()
                .map(t -> "Bearer " + t)
                .or(() -> config.basicAuthUserInfo().map(RegistryUrls::basicAuthorization))
                .orElse(null);
        List<Endpoint> out = new ArrayList<>();
        for (URI url : config.urls()) {
            // Confluent's source URL: each URL's own user-info, sent as a header and never in the request line
            String auth = shared != null || url.getUserInfo() == null
                    ? shared
                    : RegistryUrls.basicAuthorization(url.getUserInfo());
            out.add(new Endpoint(RegistryUrls.display(url), auth));
        }
        return List.copyOf(out);
    }

    /** Returns the JSON mapper used for bodies. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Sends a request and reads the success body.
     *
     * @param method the HTTP method
     * @param path the encoded path and query, starting with {@code /}
     * @param body the JSON body object, or null for none
     * @param safety whether the call may be repeated after any failure
     * @param reader reads the success body
     * @param <T> the result type
     * @return the result of the reader
     * @throws RegistryException on any failure
     */
    public <T> T send(String method, String path, Object body, Safety safety, BodyReader<T> reader) {
        if (closed.get()) {
            throw new IllegalStateException("the schema registry client is closed");
        }
        byte[] bytes = body == null ? null : json(body);
        int n = endpoints.size();
        RegistryException last = null;
        for (int round = 0; round <= maxRetries; round++) {
            if (round > 0) {
                pause(method, path, round - 1, last);
            }
            int start = current.get();
            for (int i = 0; i < n; i++) {
                int index = (start + i) % n;
                Attempt<T> attempt = attempt(endpoints.get(index), method, path, bytes, safety, reader);
                if (attempt.result != null || attempt.failure == null) {
                    current.compareAndSet(start, index);
                    return attempt.result;
                }
                if (!attempt.retryable) {
                    throw attempt.failure;
                }
                last = attempt.failure;
                current.compareAndSet(index, (index + 1) % n);
            }
        }
        throw last;
    }

    private record Attempt<T>(T result, RegistryException failure, boolean retryable) {}

    private <T> Attempt<T> attempt(
            Endpoint endpoint, String method, String path, byte[] body, Safety safety, BodyReader<T> reader) {
        String where = method + " " + endpoint.base + path;
        HttpResponse<byte[]> response;
        try {
            response = http.send(request(endpoint, method, path, body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            boolean notSent = e instanceof ConnectException
                    || e instanceof HttpConnectTimeoutException
                    || e instanceof SSLHandshakeException;
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.debug("{} failed: {}", where, reason);
            return new Attempt<>(
                    null,
                    new RegistryException(0, 0, "No answer from schema registry: " + where + ": " + reason, e),
                    notSent || safety == Safety.READ);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(0, 0, "Interrupted while waiting for " + where, e);
        }
        int status = response.statusCode();
        LOG.debug("{} -> HTTP {}", where, status);
        if (status >= 200 && status < 300) {
            return new Attempt<>(readSuccess(where, status, response.body(), reader), null, false);
        }
        return new Attempt<>(null, error(where, status, response.body()), status >= 500 && safety == Safety.READ);
    }

    private HttpRequest request(Endpoint endpoint, String method, String path, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint.base + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", CONTENT_TYPE);
        }
        if (endpoint.authorization != null) {
            b.header("Authorization", endpoint.authorization);
        }
        headers.forEach(b::setHeader);
        return b.build();
    }

    private <T> T readSuccess(String where, int status, byte[] body, BodyReader<T> reader) {
        try {
            return reader.read(body);
        } catch (IOException | RuntimeException e) {
            throw new RegistryException(
                    RegistryException.Kind.OTHER,
                    status,
                    0,
                    "Unreadable answer (HTTP " + status + ") from schema registry: " + where + ": " + excerpt(body),
                    e);
        }
    }

    private RegistryException error(String where, int status, byte[] body) {
        ErrorBody parsed = null;
        try {
            parsed = mapper.readValue(body, ErrorBody.class);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: error body is not Confluent JSON", where);
        }
        if (parsed != null && parsed.message() != null) {
            int code = parsed.errorCode() == null ? 0 : parsed.errorCode();
            return new RegistryException(
                    status,
                    code,
                    parsed.message() + " (HTTP " + status + ", error code " + code + "; " + where + ")",
                    null);
        }
        return new RegistryException(
                status,
                0,
                "HTTP " + status + " without a registry error body from " + where + ": " + excerpt(body),
                null);
    }

    private void pause(String method, String path, int retry, RegistryException last) {
        long millis = backoff.delayMillis(retry, ThreadLocalRandom.current().nextDouble());
        LOG.warn(
                "{} {} failed ({}); retry {} of {} in {} ms",
                method,
                path,
                last.getMessage(),
                retry + 1,
                maxRetries,
                millis);
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(0, 0, "Interrupted while waiting to retry " + method + " " + path, e);
        }
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(
                    "cannot write request body " + body.getClass().getSimpleName(), e);
        }
    }

    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}&&[^\t]]+", " ")
                .strip();
        return "'" + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text) + "'";
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && http instanceof AutoCloseable closeable) {
            // HttpClient is AutoCloseable from JDK 21 on; on 17 its threads end when it becomes unreachable
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the HTTP client failed", e);
            }
        }
    }
}
