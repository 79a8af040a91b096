package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.server.internal.service.ConfigService;
import dev.eventcontracts.server.internal.service.Mode;
import dev.eventcontracts.server.internal.service.ModeService;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** {@code /config[/{subject}]} and {@code /mode[/{subject}]}: GET, PUT and DELETE. */
final class ConfigModeRoutes {

    private final ConfigService configs;
    private final ModeService modes;
    private final RequestBodies bodies;

    ConfigModeRoutes(ConfigService configs, ModeService modes, RequestBodies bodies) {
        this.configs = configs;
        this.modes = modes;
        this.bodies = bodies;
    }

    void register(Javalin app) {
        app.get("/config", ctx -> level(ctx, configs.globalLevel().name()));
        app.put("/config", ctx -> putLevel(ctx, null));
        app.delete("/config", ctx -> level(ctx, configs.delete(null)));
        app.get(
                "/config/{subject}",
                ctx -> level(ctx, configs.subjectLevel(ctx.pathParam("subject"), Http.flag(ctx, "defaultToGlobal"))));
        app.put("/config/{subject}", ctx -> putLevel(ctx, ctx.pathParam("subject")));
        app.delete("/config/{subject}", ctx -> level(ctx, configs.delete(ctx.pathParam("subject"))));

        app.get("/mode", ctx -> mode(ctx, modes.globalMode().name()));
        app.put("/mode", ctx -> putMode(ctx, null));
        app.delete("/mode", ctx -> mode(ctx, modes.delete(null)));
        app.get(
                "/mode/{subject}",
                ctx -> mode(ctx, modes.subjectMode(ctx.pathParam("subject"), Http.flag(ctx, "defaultToGlobal"))));
        app.put("/mode/{subject}", ctx -> putMode(ctx, ctx.pathParam("subject")));
        app.delete("/mode/{subject}", ctx -> mode(ctx, modes.delete(ctx.pathParam("subject"))));
    }

    private static void level(Context ctx, String level) {
        Http.json(ctx, ResponseBodies.field("compatibilityLevel", level));
    }

    private static void mode(Context ctx, String mode) {
        Http.json(ctx, ResponseBodies.field("mode", mode));
    }

    private void putLevel(Context ctx, String subject) {
        CompatibilityLevel level = configs.set(subject, bodies.field(ctx, "compatibility"));
        Http.json(ctx, ResponseBodies.field("compatibility", level.name()));
    }

    private void putMode(Context ctx, String subject) {
        Mode mode = modes.set(subject, bodies.field(ctx, "mode"), Http.flag(ctx, "force"));
        Http.json(ctx, ResponseBodies.field("mode", mode.name()));
    }
}
