package dev.eventcontracts.server.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (malformed HTTP, a URI or headers too long…) as the registry's JSON error body, so
 * that no answer is ever an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowServlet(false);
        setShowStacks(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Http.CONTENT_TYPE);
        return ByteBuffer.wrap(Http.errorBody(status, message(status, reason)));
    }

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Http.CONTENT_TYPE);
        response.getOutputStream().write(Http.errorBody(code, message(code, message)));
    }

    private static String message(int status, String reason) {
        return "HTTP " + status + " " + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason);
    }
}
