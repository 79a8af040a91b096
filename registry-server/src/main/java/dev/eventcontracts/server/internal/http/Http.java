package dev.eventcontracts.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventcontracts.server.internal.service.ErrorKind;
import dev.eventcontracts.server.internal.service.RegistryException;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small helpers every route uses: writing JSON answers and reading parameters the way Confluent's REST layer does. */
final class Http {

    /** The media type of every answer. */
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** Marks a context whose answer is complete, so Javalin's error mappers leave its body alone. */
    static final String ANSWERED = "eventcontracts.answered";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Http() {}

    /** Answers 200 with pre-serialized JSON. */
    static void json(Context ctx, byte[] body) {
        write(ctx, 200, body);
    }

    /** Answers 200 with {@code value} as JSON. */
    static void json(Context ctx, Object value) {
        json(ctx, serialize(value));
    }

    /** Answers 200 with a raw schema text (the {@code /schema} endpoints answer it unescaped). */
    static void raw(Context ctx, String text) {
        json(ctx, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers an error as {@code {"error_code": …, "message": …}}. */
    static void error(Context ctx, int status, int errorCode, String message) {
        write(ctx, status, errorBody(errorCode, message));
    }

    /**
     * Writes the answer straight to the servlet response. Javalin's own result path wraps every answer in its
     * compression stream and matches the media type against its exclusion list on each request, which cost a
     * quarter of the CPU of a cached read; the registry never compresses, so it bypasses that path.
     */
    static void write(Context ctx, int status, byte[] body) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        HttpServletResponse response = ctx.res();
        if (bodyUnread(ctx.req())) {
            response.setHeader("Connection", "close");
        }
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the request has a body this answer is given without reading to its end (a 415, a 413, a bad subject).
     *
     * <p>Such an answer must say {@code Connection: close}. Writing the whole answer commits it at once, and Jetty
     * aborts a kept-alive connection whose request body is still unread when the exchange completes: the client,
     * still sending its body, then sees a reset and loses the answer. With {@code Connection: close} Jetty instead
     * sends the answer, half-closes and discards the rest of the body until the client closes: every client reads
     * the answer.
     */
    private static boolean bodyUnread(HttpServletRequest request) {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return false;
        }
        try {
            return !request.getInputStream().isFinished();
        } catch (IOException | IllegalStateException e) {
            return true;
        }
    }

    /** The bytes of an error body. */
    static byte[] errorBody(int errorCode, String message) {
        return ResponseBodies.error(errorCode, message);
    }

    static byte[] serialize(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A boolean query parameter: {@code true} in any case is true, anything else false (Jersey's rule). */
    static boolean flag(Context ctx, String name) {
        return "true".equalsIgnoreCase(ctx.queryParam(name));
    }

    /** An int query parameter; a value that is not an int answers 404 as Jersey does. */
    static int intQuery(Context ctx, String name, int defaultValue) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorKind.NOT_FOUND);
        }
    }

    /** An int path parameter; a value that is not an int answers 404 as Jersey does. */
    static int intPath(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name).trim());
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorKind.NOT_FOUND);
        }
    }
}
