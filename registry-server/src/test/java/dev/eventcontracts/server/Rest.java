package dev.eventcontracts.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small REST client for the tests: JDK HttpClient, JSON bodies, answers as status + parsed body. */
final class Rest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** One answer. */
    record Answer(int status, String contentType, String text) {

        /** The body as JSON (a text node when it is not JSON). */
        JsonNode json() {
            try {
                return MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                return MAPPER.getNodeFactory().textNode(text);
            }
        }

        /** The {@code error_code} of an error body; -1 when absent. */
        int errorCode() {
            JsonNode code = json().get("error_code");
            return code == null ? -1 : code.asInt();
        }

        /** The {@code message} of an error body. */
        String message() {
            JsonNode message = json().get("message");
            return message == null ? null : message.asText();
        }
    }

    private final HttpClient client;
    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Rest(String baseUrl) {
        this(
                baseUrl,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    Rest(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.client = client;
    }

    /** A client sending one more header with every request. */
    Rest header(String name, String value) {
        Rest rest = new Rest(baseUrl, client);
        rest.headers.putAll(headers);
        rest.headers.put(name, value);
        return rest;
    }

    /** A client sending basic-auth credentials. */
    Rest as(String user, String password) {
        Rest rest = new Rest(baseUrl, client);
        rest.headers.putAll(headers);
        rest.headers.put(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return rest;
    }

    Answer get(String path) {
        return send("GET", path, null, CONTENT_TYPE);
    }

    Answer delete(String path) {
        return send("DELETE", path, null, CONTENT_TYPE);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body, CONTENT_TYPE);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body, CONTENT_TYPE);
    }

    /** Registers a schema text under a subject; returns the answer. */
    Answer register(String subject, String schema) {
        return post("/subjects/" + subject + "/versions", schemaBody(schema));
    }

    static ObjectNode schemaBody(String schema) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("schema", schema);
        return body;
    }

    /**
     * Sends a request.
     *
     * @param body null, a String (sent as is) or an object (sent as JSON)
     */
    Answer send(String method, String path, Object body, String contentType) {
        byte[] bytes;
        try {
            bytes = body == null
                    ? new byte[0]
                    : body instanceof String s
                            ? s.getBytes(StandardCharsets.UTF_8)
                            : body instanceof byte[] b ? b : MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
