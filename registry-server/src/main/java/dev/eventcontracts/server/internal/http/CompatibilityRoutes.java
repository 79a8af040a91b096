package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.service.CompatibilityService;
import dev.eventcontracts.server.internal.service.SchemaRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/** {@code POST /compatibility/subjects/{subject}/versions[/{version}]}, with {@code verbose}. */
final class CompatibilityRoutes {

    private final CompatibilityService compatibility;
    private final RequestBodies bodies;

    CompatibilityRoutes(CompatibilityService compatibility, RequestBodies bodies) {
        this.compatibility = compatibility;
        this.bodies = bodies;
    }

    void register(Javalin app) {
        app.post("/compatibility/subjects/{subject}/versions", ctx -> check(ctx, null));
        app.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> check(ctx, ctx.pathParam("version")));
    }

    private void check(Context ctx, String version) {
        String subject = ctx.pathParam("subject");
        if (version != null) {
            // a bad version answers 42202 before the body is read, as Confluent does
            dev.eventcontracts.server.internal.service.Versions.parse(version);
        }
        SchemaRequest request = bodies.schemaRequest(ctx);
        boolean verbose = Http.flag(ctx, "verbose");
        CompatibilityService.Verdict verdict =
                compatibility.test(subject, version, request, Http.flag(ctx, "normalize"), verbose);
        Http.json(
                ctx,
                ResponseBodies.compatibility(
                        verdict.compatible(),
                        verbose ? verdict.messages() : null,
                        verdict.result() == null ? List.of() : verdict.result().violations()));
    }
}
