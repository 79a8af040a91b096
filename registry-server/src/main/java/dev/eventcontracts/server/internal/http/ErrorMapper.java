package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.service.ErrorKind;
import dev.eventcontracts.server.internal.service.RegistryException;
import dev.eventcontracts.server.internal.service.WriterElsewhereException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: {@code {"error_code": …, "message": …}} with the status of the
 * {@link ErrorKind}. Handlers throw; nothing else catches.
 */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final Forwarder forwarder;

    ErrorMapper(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    void register(Javalin app) {
        app.exception(RegistryException.class, this::registryError);
        app.exception(WriterElsewhereException.class, this::forward);
        app.exception(HttpResponseException.class, this::httpError);
        app.exception(Exception.class, this::unexpected);
        app.error(404, ctx -> unanswered(ctx, ErrorKind.NOT_FOUND));
        app.error(405, ctx -> unanswered(ctx, ErrorKind.METHOD_NOT_ALLOWED));
    }

    private void registryError(RegistryException e, Context ctx) {
        ErrorKind kind = e.kind();
        boolean forwardedToANonWriter =
                kind == ErrorKind.UNKNOWN_LEADER && ctx.header(Forwarder.FORWARDED_HEADER) != null;
        if (kind == ErrorKind.NOT_READY || forwardedToANonWriter) {
            LOG.debug("{} {} answered {}: {}", ctx.method(), ctx.path(), kind.httpStatus(), e.getMessage());
        } else if (kind.httpStatus() >= 500) {
            LOG.error(
                    "{} {} failed: {}",
                    ctx.method(),
                    ctx.path(),
                    e.getMessage(),
                    e.getCause() == null ? e : e.getCause());
        }
        Http.write(ctx, kind.httpStatus(), ResponseBodies.error(kind.errorCode(), e.getMessage(), e.violations()));
    }

    /**
     * Not an error: this instance is not the writer, so the writer answers (or the forwarding fails). A failed
     * forwarding is logged here, once, without a stack trace: its causes (no writer, a writer gone) are the
     * cluster's state, not a fault of this instance.
     */
    private void forward(WriterElsewhereException reason, Context ctx) {
        try {
            forwarder.forward(ctx, reason.waitDeadlineNanos());
        } catch (RegistryException e) {
            if (ctx.header(Forwarder.FORWARDED_HEADER) == null) {
                LOG.warn("{} {} could not be forwarded: {}", ctx.method(), ctx.path(), e.getMessage());
            }
            Http.write(
                    ctx,
                    e.kind().httpStatus(),
                    ResponseBodies.error(e.kind().errorCode(), e.getMessage(), e.violations()));
        }
    }

    private void httpError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String message = status == 404
                ? ErrorKind.NOT_FOUND.message()
                : status == 405
                        ? ErrorKind.METHOD_NOT_ALLOWED.message()
                        : "HTTP " + status + " " + HttpStatus.forStatus(status).getMessage();
        Http.error(ctx, status, status, message);
    }

    private void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
        Http.error(ctx, 500, 500, "Internal Server Error");
    }

    private static void unanswered(Context ctx, ErrorKind kind) {
        if (ctx.attribute(Http.ANSWERED) == null) {
            Http.error(ctx, kind.httpStatus(), kind.errorCode(), kind.message());
        }
    }
}
