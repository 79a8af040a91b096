package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.service.QueryService;
import dev.eventcontracts.server.internal.service.RegistryServices;
import dev.eventcontracts.server.internal.service.SchemaFormats;
import dev.eventcontracts.server.internal.service.SchemaRequest;
import dev.eventcontracts.server.internal.state.ResponseJson;
import dev.eventcontracts.server.internal.state.SchemaVersion;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /subjects}, {@code /subjects/{subject}/metadata} and {@code /subjects/{subject}/versions…}. Every answer
 * holding a schema takes Confluent's {@code format} parameter ({@link SchemaFormats}).
 */
final class SubjectRoutes {

    private final RegistryServices services;
    private final RequestBodies bodies;

    SubjectRoutes(RegistryServices services, RequestBodies bodies) {
        this.services = services;
        this.bodies = bodies;
    }

    void register(Javalin app) {
        app.get("/subjects", this::listSubjects);
        app.post("/subjects/{subject}", this::lookup);
        app.delete("/subjects/{subject}", this::deleteSubject);
        app.get("/subjects/{subject}/metadata", this::latestWithMetadata);
        app.get("/subjects/{subject}/versions", this::listVersions);
        app.post("/subjects/{subject}/versions", this::registerSchema);
        app.get("/subjects/{subject}/versions/{version}", this::getVersion);
        app.get("/subjects/{subject}/versions/{version}/schema", this::getVersionSchema);
        app.get("/subjects/{subject}/versions/{version}/referencedby", this::referencedBy);
        app.delete("/subjects/{subject}/versions/{version}", this::deleteVersion);
    }

    private void listSubjects(Context ctx) {
        QueryService.Filter filter = QueryService.Filter.of(Http.flag(ctx, "deleted"), Http.flag(ctx, "deletedOnly"));
        Http.json(
                ctx,
                services.queries()
                        .subjects(
                                ctx.queryParam("subjectPrefix"),
                                filter,
                                Http.intQuery(ctx, "offset", 0),
                                Http.intQuery(ctx, "limit", -1)));
    }

    private void lookup(Context ctx) {
        SchemaRequest request = bodies.schemaRequest(ctx);
        SchemaVersion found = services.registrations()
                .lookup(ctx.pathParam("subject"), request, Http.flag(ctx, "normalize"), Http.flag(ctx, "deleted"));
        String format = ctx.queryParam("format");
        Http.json(
                ctx,
                SchemaFormats.requested(format)
                        ? ResponseJson.lookedUp(found, services.queries().schemaText(found, format))
                        : ResponseJson.lookedUp(found));
    }

    /**
     * Confluent pairs the i-th {@code key} with the i-th {@code value} (surplus ones are ignored; a repeated key
     * keeps its last value).
     */
    private void latestWithMetadata(Context ctx) {
        List<String> keys = ctx.queryParams("key");
        List<String> values = ctx.queryParams("value");
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            wanted.put(keys.get(i), values.get(i));
        }
        SchemaVersion found =
                services.queries().latestWithMetadata(ctx.pathParam("subject"), wanted, Http.flag(ctx, "deleted"));
        entry(ctx, found);
    }

    private void deleteSubject(Context ctx) {
        Http.json(ctx, services.deletions().deleteSubject(ctx.pathParam("subject"), Http.flag(ctx, "permanent")));
    }

    private void listVersions(Context ctx) {
        QueryService.Filter filter = QueryService.Filter.of(Http.flag(ctx, "deleted"), Http.flag(ctx, "deletedOnly"));
        Http.json(
                ctx,
                services.queries()
                        .versions(
                                ctx.pathParam("subject"),
                                filter,
                                Http.intQuery(ctx, "offset", 0),
                                Http.intQuery(ctx, "limit", -1)));
    }

    private void registerSchema(Context ctx) {
        String subject = ctx.pathParam("subject");
        SchemaRequest request = bodies.schemaRequest(ctx);
        boolean normalize = Http.flag(ctx, "normalize");
        Optional<SchemaVersion> existing = services.registrations().registered(subject, request, normalize);
        SchemaVersion version = existing.isPresent()
                ? existing.get()
                : services.registrations().register(subject, request, normalize, Http.flag(ctx, "verbose"));
        String format = ctx.queryParam("format");
        Http.json(
                ctx,
                SchemaFormats.requested(format)
                        ? ResponseJson.registered(version, services.queries().schemaText(version, format))
                        : ResponseJson.registered(version));
    }

    private void getVersion(Context ctx) {
        entry(ctx, version(ctx));
    }

    private void entry(Context ctx, SchemaVersion version) {
        String format = ctx.queryParam("format");
        Http.json(
                ctx,
                SchemaFormats.requested(format)
                        ? ResponseJson.versionEntry(version, services.queries().schemaText(version, format))
                        : ResponseJson.versionEntry(version));
    }

    private void getVersionSchema(Context ctx) {
        Http.raw(ctx, services.queries().schemaText(version(ctx), ctx.queryParam("format")));
    }

    private SchemaVersion version(Context ctx) {
        return services.queries()
                .version(ctx.pathParam("subject"), ctx.pathParam("version"), Http.flag(ctx, "deleted"));
    }

    private void referencedBy(Context ctx) {
        Http.json(
                ctx,
                services.queries()
                        .referencedBy(
                                ctx.pathParam("subject"),
                                ctx.pathParam("version"),
                                Http.intQuery(ctx, "offset", 0),
                                Http.intQuery(ctx, "limit", -1)));
    }

    private void deleteVersion(Context ctx) {
        Http.json(
                ctx,
                services.deletions()
                        .deleteVersion(
                                ctx.pathParam("subject"), ctx.pathParam("version"), Http.flag(ctx, "permanent")));
    }
}
