package dev.eventcontracts.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A scripted HTTP(S) server standing in for a registry, only to inject faults and pin the exact requests:
 * each {@code METHOD /raw/path?query} answers its scripted replies in order (the last one repeats), anything
 * else answers Confluent's 404. Every request is recorded.
 */
final class FakeRegistry implements AutoCloseable {

    /** One request as the server saw it. */
    record Recorded(String method, String target, Map<String, List<String>> headers, String body, String peer) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One scripted answer; with a {@code gate} it is sent only once the gate opens (or the server closes). */
    record Reply(int status, String body, String contentType, CountDownLatch gate) {

        static Reply json(int status, String body) {
            return new Reply(status, body, "application/vnd.schemaregistry.v1+json", null);
        }

        static Reply ok(String body) {
            return json(200, body);
        }

        static Reply error(int status, int code, String message) {
            return json(status, "{\"error_code\":" + code + ",\"message\":\"" + message + "\"}");
        }

        static Reply text(int status, String contentType, String body) {
            return new Reply(status, body, contentType, null);
        }

        /** Answers {@code body} once {@code gate} opens. */
        static Reply gated(CountDownLatch gate, String body) {
            return new Reply(200, body, "application/vnd.schemaregistry.v1+json", gate);
        }

        /** Never answers before the server closes, to make the client time out. */
        static Reply hang() {
            return gated(new CountDownLatch(1), "{}");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-registry");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private FakeRegistry(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeRegistry http() throws IOException {
        return new FakeRegistry(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    static FakeRegistry https(SSLContext context, boolean needClientAuth) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                // the SSLParameters override every other setting of the parameters, client auth included
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(ssl);
            }
        });
        return new FakeRegistry(server);
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Returns the base URL with user-info. */
    String urlWithUserInfo(String userInfo) {
        return url().replace("://", "://" + userInfo + "@");
    }

    /** Scripts the answers to {@code METHOD target}; the last one repeats. */
    FakeRegistry on(String method, String target, Reply... replies) {
        script.put(method + " " + target, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    long count(String method, String target) {
        return requests.stream()
                .filter(r -> r.method.equals(method) && r.target.equals(target))
                .count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(
                exchange.getRequestMethod(), target, Map.copyOf(exchange.getRequestHeaders()), body, peer(exchange)));
        Reply reply = next(exchange.getRequestMethod() + " " + target);
        if (reply.gate != null) {
            try {
                reply.gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType);
        exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        }
    }

    private Reply next(String key) {
        Deque<Reply> replies = script.get(key);
        if (replies == null) {
            return Reply.error(404, 404, "HTTP 404 Not Found");
        }
        synchronized (replies) {
            return replies.size() > 1 ? replies.poll() : replies.peek();
        }
    }

    private static String peer(HttpExchange exchange) {
        if (exchange instanceof HttpsExchange https) {
            try {
                return https.getSSLSession().getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
