package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.auth.Access;
import dev.eventcontracts.server.internal.auth.BasicAuth;
import dev.eventcontracts.server.internal.service.ErrorKind;
import dev.eventcontracts.server.internal.service.RegistryException;
import dev.eventcontracts.server.internal.service.RegistryServices;
import dev.eventcontracts.server.internal.store.RecordLog;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's HTTP server: Confluent's REST API v1 on Javalin, with basic auth, metrics, health, forwarding
 * of writes to the writer instance, and JSON error bodies for every failure. Every input is bounded: bodies
 * ({@link BodyReader}), headers and their arrival ({@link GuardedConnectionFactory}), idle connections, the number
 * of connections and of threads ({@link HttpSettings.ConnectionLimits}).
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Set<String> BODY_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json",
            "application/json",
            "application/octet-stream");
    private static final Set<String> OPS_PATHS = Set.of("/health/live", "/health/ready", "/metrics");
    /** A writer that does not accept a connection within this is gone (a forward waits for another one). */
    private static final Duration FORWARD_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Javalin app;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final BooleanSupplier serving;
    private final BooleanSupplier ready;

    private HttpApi(Javalin app, BooleanSupplier serving, BooleanSupplier ready) {
        this.app = app;
        this.serving = serving;
        this.ready = ready;
    }

    /**
     * Starts serving.
     *
     * @param serving whether the state has caught up with the store (until then the API answers 503)
     * @param ready what {@code /health/ready} answers (false also while stopping)
     * @param kafkaClusterId the Kafka cluster id for {@code /v1/metadata/id}
     * @param ownUrl this instance's advertised URL (known once the listeners are bound)
     */
    public static HttpApi start(
            HttpSettings settings,
            RegistryServices services,
            RecordLog log,
            PrometheusMeterRegistry metrics,
            BooleanSupplier serving,
            BooleanSupplier ready,
            Supplier<String> kafkaClusterId,
            Supplier<String> ownUrl) {
        HttpMetrics httpMetrics = new HttpMetrics(metrics);
        HttpSettings.ConnectionLimits limits = settings.connections();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.defaultContentType = Http.CONTENT_TYPE;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.prefer405over404 = true;
            config.http.disableCompression();
            config.router.ignoreTrailingSlashes = true;
            QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
            threads.setName("registry-http");
            config.jetty.threadPool = threads;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setUriCompliance(UriCompliance.from(java.util.EnumSet.of(
                        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
                http.setSendServerVersion(false);
                http.setRequestHeaderSize(limits.maxRequestHeaderBytes());
                http.setMinRequestDataRate(limits.minRequestDataRate());
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                if (limits.maxConnections() > 0) {
                    server.addBean(new ConnectionLimit(limits.maxConnections(), server));
                }
            });
            for (URI listener : settings.listeners()) {
                String host = listener.getHost() == null ? "0.0.0.0" : listener.getHost();
                int port = Math.max(listener.getPort(), 0);
                boolean secure = "https".equalsIgnoreCase(listener.getScheme());
                config.jetty.addConnector((server, http) -> secure
                        ? Tls.secure(server, http, host, port, settings.tls(), limits)
                        : Tls.plain(server, http, host, port, limits));
            }
            config.requestLogger.http(httpMetrics::record);
        });
        HttpApi api = new HttpApi(app, serving, ready);
        api.routes(settings, services, log, metrics, kafkaClusterId, ownUrl);
        app.start();
        LOG.info("registry listening on {}", api.urls());
        return api;
    }

    private void routes(
            HttpSettings settings,
            RegistryServices services,
            RecordLog log,
            PrometheusMeterRegistry metrics,
            Supplier<String> kafkaClusterId,
            Supplier<String> ownUrl) {
        RequestBodies bodies = new RequestBodies(settings.maxRequestBytes());
        BodyReader bodyReader = new BodyReader(
                settings.maxRequestBytes(),
                new BodyBudget(settings.bodyMemoryBytes()),
                settings.connections().idleTimeout(),
                settings.connections().minRequestDataRate());
        BasicAuth auth = settings.auth();
        // one before and one after handler: each extra one costs a route match on every request
        app.before(ctx -> {
            inFlight.incrementAndGet();
            requireReady(ctx);
            if (auth != null) {
                authenticate(ctx, auth);
            }
            requireWriterForForwarded(ctx, log);
            if (requireBodyType(ctx)) {
                bodyReader.start(ctx);
            }
        });
        app.after(ctx -> inFlight.decrementAndGet());
        Forwarder forwarder = new Forwarder(
                log,
                HttpClient.newBuilder()
                        .connectTimeout(min(settings.timeout(), FORWARD_CONNECT_TIMEOUT))
                        .build(),
                settings.timeout().plus(settings.writerWait()),
                settings.timeout(),
                settings.writerWait(),
                ownUrl);
        new ErrorMapper(forwarder).register(app);
        new SubjectRoutes(services, bodies).register(app);
        new SchemaRoutes(services.queries()).register(app);
        new ConfigModeRoutes(services.configs(), services.modes(), bodies).register(app);
        new CompatibilityRoutes(services.compatibility(), bodies).register(app);
        new UiRoutes(services.queries(), services.compatibility()).register(app);
        new MetaRoutes(kafkaClusterId, settings.version(), settings.commitId()).register(app);
        app.get("/health/live", ctx -> Http.json(ctx, ResponseBodies.field("status", "UP")));
        app.get("/health/ready", this::readiness);
        app.get("/metrics", ctx -> {
            ctx.attribute(Http.ANSWERED, Boolean.TRUE);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
    }

    private void requireReady(Context ctx) {
        if (!serving.getAsBoolean() && !OPS_PATHS.contains(ctx.path())) {
            throw new RegistryException(ErrorKind.NOT_READY, "The registry is starting or stopping");
        }
    }

    private void readiness(Context ctx) {
        if (!ready.getAsBoolean()) {
            throw new RegistryException(ErrorKind.NOT_READY, "The registry is starting or stopping");
        }
        Http.json(ctx, ResponseBodies.field("status", "UP"));
    }

    private static void authenticate(Context ctx, BasicAuth auth) {
        if (OPS_PATHS.contains(ctx.path())) {
            return;
        }
        Access needed = Access.of(ctx.method().name(), ctx.path(), Http.flag(ctx, "permanent"));
        BasicAuth.Outcome outcome = auth.check(ctx.header("Authorization"), needed);
        if (outcome instanceof BasicAuth.Unauthenticated) {
            ctx.header("WWW-Authenticate", auth.challenge());
            throw new RegistryException(ErrorKind.UNAUTHORIZED);
        }
        if (outcome instanceof BasicAuth.Forbidden f) {
            throw new RegistryException(
                    ErrorKind.FORBIDDEN,
                    "User '" + f.user() + "' with role "
                            + f.role().name().toLowerCase(Locale.ROOT).replace('_', '-') + " may not perform "
                            + f.needed().name().toLowerCase(Locale.ROOT) + " operations");
        }
    }

    /**
     * A forwarded write reaching an instance that does not write (yet) answers at once that it was not applied;
     * the instance that forwarded it waits for the writer and sends it again.
     */
    private static void requireWriterForForwarded(Context ctx, RecordLog log) {
        if (ctx.header(Forwarder.FORWARDED_HEADER) != null && !log.isWriter()) {
            throw new RegistryException(
                    ErrorKind.UNKNOWN_LEADER,
                    "Leader not known: this instance is not the writer (yet); the write was not applied");
        }
    }

    /**
     * Refuses a body of a media type the registry does not read (415).
     *
     * @return whether the request is a {@code POST} or {@code PUT}, whose body the routes read
     */
    private static boolean requireBodyType(Context ctx) {
        HandlerType method = ctx.method();
        if (method != HandlerType.POST && method != HandlerType.PUT) {
            return false;
        }
        String type = ctx.contentType();
        if (type == null || type.isBlank()) {
            return true;
        }
        int semicolon = type.indexOf(';');
        String mediaType =
                (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        if (!BODY_TYPES.contains(mediaType)) {
            throw new RegistryException(ErrorKind.UNSUPPORTED_MEDIA_TYPE);
        }
        return true;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The ports of the listeners, in the order configured. */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector sc) {
                ports.add(sc.getLocalPort());
            }
        }
        return ports;
    }

    private List<String> urls() {
        List<String> urls = new ArrayList<>();
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector sc) {
                String scheme =
                        sc.getDefaultConnectionFactory() instanceof org.eclipse.jetty.server.SslConnectionFactory
                                ? "https"
                                : "http";
                urls.add(scheme + "://" + (sc.getHost() == null ? "0.0.0.0" : sc.getHost()) + ":" + sc.getLocalPort());
            }
        }
        return urls;
    }

    /** Requests being served right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Stops serving (in-flight requests are completed or cut when Jetty's stop timeout passes). */
    @Override
    public void close() {
        app.stop();
    }
}
