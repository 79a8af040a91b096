package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.schema.SchemaChange;
import dev.eventcontracts.server.internal.service.CompatibilityService;
import dev.eventcontracts.server.internal.service.CompatibilityService.VersionDiff;
import dev.eventcontracts.server.internal.service.QueryService;
import dev.eventcontracts.server.internal.state.ResponseJson;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The read-only registry UI at {@code /ui}: one page of plain HTML, CSS and JavaScript that reads the registry's own
 * REST API (subjects, versions, schemas by id, levels and modes), plus the one answer the API lacks, the diff of two
 * versions with the compatibility engine's verdict. It sits behind the same authentication and roles as the API: the
 * page and its reads need the read role, and it offers nothing that writes.
 */
final class UiRoutes {

    private static final String PAGE_RESOURCE = "dev/eventcontracts/server/ui/index.html";

    private final QueryService queries;
    private final CompatibilityService compatibility;
    private final byte[] page;

    UiRoutes(QueryService queries, CompatibilityService compatibility) {
        this.queries = queries;
        this.compatibility = compatibility;
        this.page = load();
    }

    void register(Javalin app) {
        app.get("/ui", this::page);
        app.get("/ui/subjects/{subject}/diff/{from}/{to}", this::diff);
    }

    private void page(Context ctx) {
        ctx.attribute(Http.ANSWERED, Boolean.TRUE);
        ctx.header("Cache-Control", "no-cache");
        ctx.header(
                "Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private void diff(Context ctx) {
        String subject = ctx.pathParam("subject");
        SchemaVersion from = queries.version(subject, ctx.pathParam("from"), false);
        SchemaVersion to = queries.version(subject, ctx.pathParam("to"), false);
        VersionDiff diff = compatibility.diff(from, to);
        Http.json(ctx, ResponseJson.write(g -> {
            g.writeStartObject();
            g.writeStringField("subject", subject);
            g.writeNumberField("from", from.version());
            g.writeNumberField("to", to.version());
            g.writeStringField("level", diff.level().name());
            g.writeBooleanField("compatible", diff.verdict().compatible());
            g.writeArrayFieldStart("changes");
            for (SchemaChange c : diff.changes()) {
                g.writeStartObject();
                g.writeStringField("kind", c.kind().name());
                g.writeStringField("label", c.kind().label());
                g.writeStringField("path", c.path());
                g.writeStringField("before", c.before());
                g.writeStringField("after", c.after());
                g.writeEndObject();
            }
            g.writeEndArray();
            List<Violation> violations = diff.verdict().result().violations();
            if (violations.isEmpty()) {
                g.writeArrayFieldStart("violations");
                g.writeEndArray();
            } else {
                ResponseBodies.writeViolations(g, violations);
            }
            g.writeEndObject();
        }));
    }

    private static byte[] load() {
        try (InputStream in = UiRoutes.class.getClassLoader().getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The registry UI page " + PAGE_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
