package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.service.QueryService;
import dev.eventcontracts.server.internal.service.SchemaFormats;
import dev.eventcontracts.server.internal.state.ResponseJson;
import dev.eventcontracts.server.internal.state.SchemaIdEntry;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /schemas…}: schemas by id and guid, the schema listing and the supported types. The answers by id and guid
 * take Confluent's {@code format} parameter ({@link SchemaFormats}).
 */
final class SchemaRoutes {

    private static final byte[] TYPES = Http.serialize(List.of("AVRO"));

    private final QueryService queries;

    SchemaRoutes(QueryService queries) {
        this.queries = queries;
    }

    void register(Javalin app) {
        app.get("/schemas", this::listSchemas);
        app.get("/schemas/types", ctx -> Http.json(ctx, TYPES));
        app.get("/schemas/ids/{id}", this::byId);
        app.get(
                "/schemas/ids/{id}/schema",
                ctx -> Http.raw(
                        ctx, queries.schemaText(queries.schema(Http.intPath(ctx, "id")), ctx.queryParam("format"))));
        app.get(
                "/schemas/ids/{id}/subjects",
                ctx -> Http.json(
                        ctx,
                        queries.subjectsOf(
                                Http.intPath(ctx, "id"),
                                Http.flag(ctx, "deleted"),
                                Http.intQuery(ctx, "offset", 0),
                                Http.intQuery(ctx, "limit", -1))));
        app.get(
                "/schemas/ids/{id}/versions",
                ctx -> Http.json(
                        ctx,
                        ResponseBodies.subjectVersions(queries.versionsOf(
                                Http.intPath(ctx, "id"),
                                Http.flag(ctx, "deleted"),
                                Http.intQuery(ctx, "offset", 0),
                                Http.intQuery(ctx, "limit", -1)))));
        app.get("/schemas/guids/{guid}", this::byGuid);
        app.get(
                "/schemas/guids/{guid}/schema",
                ctx -> Http.raw(
                        ctx,
                        queries.schemaText(queries.schemaByGuid(ctx.pathParam("guid")), ctx.queryParam("format"))));
    }

    /** The hot path: without query parameters the answer is the cached bytes of the id. */
    private void byId(Context ctx) {
        SchemaIdEntry entry = queries.schema(Http.intPath(ctx, "id"));
        byte[] cached = queries.schemaJson(entry);
        if (ctx.queryString() == null && cached != null) {
            Http.json(ctx, cached);
            return;
        }
        String subject = ctx.queryParam("subject");
        boolean fetchMaxId = Http.flag(ctx, "fetchMaxId");
        String format = ctx.queryParam("format");
        if (subject == null && !fetchMaxId && !SchemaFormats.requested(format) && cached != null) {
            Http.json(ctx, cached);
            return;
        }
        SchemaVersion holder = queries.holder(entry, subject);
        Http.json(
                ctx,
                ResponseJson.schemaById(
                        entry, holder, fetchMaxId ? queries.maxId() : null, queries.schemaText(entry, format)));
    }

    private void byGuid(Context ctx) {
        SchemaIdEntry entry = queries.schemaByGuid(ctx.pathParam("guid"));
        Http.json(ctx, ResponseJson.schemaById(entry, null, null, queries.schemaText(entry, ctx.queryParam("format"))));
    }

    private void listSchemas(Context ctx) {
        List<SchemaVersion> schemas = queries.schemas(
                ctx.queryParam("subjectPrefix"),
                Http.flag(ctx, "deleted"),
                Http.flag(ctx, "latestOnly"),
                Http.intQuery(ctx, "offset", 0),
                Http.intQuery(ctx, "limit", -1));
        Http.json(ctx, ResponseBodies.versionEntries(schemas));
    }
}
