package dev.eventcontracts.server.internal.store.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Minimal JSON-over-HTTP calls to a registry; a connection failure is status -1. */
final class RestCalls {

    /** An answer: status ({@code -1} when there was none) and JSON body (missing when empty or not JSON). */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return status == 200;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private RestCalls() {}

    static Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Reply post(String url, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    static Reply put(String url, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A GET whose answer is not JSON (e.g. {@code /metrics}); empty when there was none. */
    static String getText(String url) {
        try {
            return CLIENT.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** {@code POST /subjects/{subject}/versions} with an Avro schema. */
    static Reply register(String baseUrl, String subject, String schema) {
        ObjectNode body = JSON.createObjectNode().put("schema", schema);
        return post(baseUrl + "/subjects/" + encode(subject) + "/versions", body);
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    request.timeout(Duration.ofSeconds(30))
                            .header("Content-Type", CONTENT_TYPE)
                            .header("Accept", CONTENT_TYPE)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            return new Reply(-1, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, MissingNode.getInstance());
        }
    }
}
