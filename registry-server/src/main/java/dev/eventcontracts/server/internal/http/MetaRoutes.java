package dev.eventcontracts.server.internal.http;

import io.javalin.Javalin;
import java.util.List;
import java.util.function.Supplier;

/**
 * The small resources: {@code /}, {@code /v1/metadata/id}, {@code /v1/metadata/version}, {@code /contexts},
 * and Confluent 8's associations lookup, which its serializers call before anything else and which must answer
 * {@code 200 []} when no association exists.
 */
final class MetaRoutes {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] EMPTY_ARRAY = "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] CONTEXTS = Http.serialize(List.of("."));

    private final Supplier<String> kafkaClusterId;
    private final String version;
    private final String commitId;

    MetaRoutes(Supplier<String> kafkaClusterId, String version, String commitId) {
        this.kafkaClusterId = kafkaClusterId;
        this.version = version;
        this.commitId = commitId;
    }

    void register(Javalin app) {
        app.get("/", ctx -> Http.json(ctx, EMPTY_OBJECT));
        app.post("/", ctx -> Http.json(ctx, EMPTY_OBJECT));
        app.get("/contexts", ctx -> Http.json(ctx, CONTEXTS));
        app.get("/v1/metadata/id", ctx -> Http.json(ctx, clusterId()));
        app.get(
                "/v1/metadata/version",
                ctx -> Http.json(ctx, java.util.Map.of("version", version, "commitId", commitId)));
        app.get("/associations/resources/{namespace}/{resource}", ctx -> Http.json(ctx, EMPTY_ARRAY));
    }

    private byte[] clusterId() {
        String kafka = kafkaClusterId.get();
        return dev.eventcontracts.server.internal.state.ResponseJson.write(g -> {
            g.writeStartObject();
            g.writeStringField("id", "");
            g.writeObjectFieldStart("scope");
            g.writeArrayFieldStart("path");
            g.writeEndArray();
            g.writeObjectFieldStart("clusters");
            g.writeStringField("kafka-cluster", kafka);
            g.writeStringField("schema-registry-cluster", "schema-registry");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
