package dev.eventcontracts.server;

import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.server.internal.auth.BasicAuth;
import dev.eventcontracts.server.internal.auth.Credentials;
import dev.eventcontracts.server.internal.http.HttpApi;
import dev.eventcontracts.server.internal.http.HttpSettings;
import dev.eventcontracts.server.internal.service.CompatibilityService;
import dev.eventcontracts.server.internal.service.ConfigService;
import dev.eventcontracts.server.internal.service.DeletionService;
import dev.eventcontracts.server.internal.service.ModeService;
import dev.eventcontracts.server.internal.service.PageLimits;
import dev.eventcontracts.server.internal.service.QueryService;
import dev.eventcontracts.server.internal.service.RegistrationService;
import dev.eventcontracts.server.internal.service.RegistryServices;
import dev.eventcontracts.server.internal.service.SchemaFormats;
import dev.eventcontracts.server.internal.service.SchemaParsing;
import dev.eventcontracts.server.internal.service.WriteGate;
import dev.eventcontracts.server.internal.state.RegistryState;
import dev.eventcontracts.server.internal.store.InMemoryRecordLog;
import dev.eventcontracts.server.internal.store.RecordLog;
import dev.eventcontracts.server.internal.store.kafka.KafkaRecordLog;
import dev.eventcontracts.server.internal.store.kafka.KafkaStoreConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry server speaking Confluent Schema Registry's REST API v1, its state in a compacted Kafka topic
 * in Confluent's record format (or in memory for development).
 *
 * <p>Run it with {@code java -jar registry-server-<version>-all.jar [registry.properties]}; settings come from the
 * file and {@code SCHEMA_REGISTRY_*} environment variables (see {@link RegistryServerConfig}). Embed it with
 * {@link #start(RegistryServerConfig)} and {@link #close()}.
 *
 * @since 0.1.0
 */
public final class RegistryServer implements AutoCloseable {

    /** The logging configuration of the executable jar (a library jar must not ship a {@code log4j2.xml}). */
    private static final String JAR_LOGGING = "classpath:registry-server-log4j2.xml";

    private final RegistryServerConfig config;
    private final HttpApi http;
    private final RecordLog log;
    private final RegistryState state;
    private final String url;
    private final String advertisedUrl;
    private volatile boolean ready;
    private volatile boolean stopping;
    private volatile boolean closed;

    private RegistryServer(RegistryServerConfig config, Function<String, RecordLog> logFactory) {
        this.config = config;
        this.state = new RegistryState(Clock.systemUTC());
        LateRecordLog lateLog = new LateRecordLog();
        this.log = lateLog;
        Duration timeout = Duration.ofMillis(config.getInt(KafkaStoreConfig.TIMEOUT_MS));
        Duration writerWait = Duration.ofMillis(config.getLong(RegistryServerConfig.LEADER_WAIT_TIMEOUT_MS));
        PrometheusMeterRegistry metrics = metrics(state, lateLog);
        RegistryServices services = services(config, state, new WriteGate(lateLog, timeout, writerWait));
        this.http = HttpApi.start(
                httpSettings(config, timeout, writerWait),
                services,
                lateLog,
                metrics,
                () -> ready && !closed,
                this::isReady,
                KafkaClusterId.of(config),
                this::advertisedUrl);
        try {
            List<Integer> ports = http.ports();
            this.url = localUrl(config, ports);
            this.advertisedUrl = advertisedUrl(config, ports);
            lateLog.set(logFactory.apply(advertisedUrl));
            lateLog.start(state);
        } catch (RuntimeException e) {
            http.close();
            lateLog.close();
            throw e;
        }
        ready = true;
        log().info(
                        "registry ready at {} (advertised as {}), {} schemas, store: {}",
                        url,
                        advertisedUrl,
                        state.schemaCount(),
                        config.hasKafkaStore() ? "Kafka" : "in memory");
    }

    /**
     * Starts a registry and returns once it serves requests (its state replayed from the store).
     *
     * @param config the settings; never null
     * @return the running server; the caller closes it
     * @throws org.apache.kafka.common.config.ConfigException for invalid settings
     * @throws dev.eventcontracts.server.internal.store.StoreException when the store cannot be opened in time
     */
    public static RegistryServer start(RegistryServerConfig config) {
        return new RegistryServer(
                config,
                ownUrl -> config.hasKafkaStore()
                        ? new KafkaRecordLog(new KafkaStoreConfig(config.originals()), ownUrl)
                        : new InMemoryRecordLog());
    }

    /**
     * Starts a registry on the store {@code logFactory} opens, given the registry's own advertised URL, and returns
     * once it serves requests.
     */
    static RegistryServer start(RegistryServerConfig config, Function<String, RecordLog> logFactory) {
        return new RegistryServer(config, logFactory);
    }

    private static RegistryServices services(RegistryServerConfig config, RegistryState state, WriteGate writes) {
        SchemaParsing parsing = new SchemaParsing(
                state,
                config.getInt(RegistryServerConfig.SCHEMA_MAX_BYTES),
                config.getInt(RegistryServerConfig.SCHEMA_CACHE_SIZE));
        CompatibilityLevel defaultLevel = CompatibilityLevel.parse(
                        config.getString(RegistryServerConfig.COMPATIBILITY_LEVEL))
                .orElse(CompatibilityLevel.BACKWARD);
        ConfigService configs = new ConfigService(state, writes, defaultLevel);
        ModeService modes = new ModeService(state, writes, config.getBoolean(RegistryServerConfig.MODE_MUTABILITY));
        CompatibilityService compatibility =
                new CompatibilityService(state, parsing, configs, CompatibilityChecker.standard());
        QueryService queries = new QueryService(
                state,
                new SchemaFormats(parsing),
                new PageLimits(
                        config.getInt(RegistryServerConfig.SUBJECT_SEARCH_DEFAULT_LIMIT),
                        config.getInt(RegistryServerConfig.SUBJECT_SEARCH_MAX_LIMIT)),
                new PageLimits(
                        config.getInt(RegistryServerConfig.SUBJECT_VERSION_SEARCH_DEFAULT_LIMIT),
                        config.getInt(RegistryServerConfig.SUBJECT_VERSION_SEARCH_MAX_LIMIT)),
                new PageLimits(
                        config.getInt(RegistryServerConfig.SCHEMA_SEARCH_DEFAULT_LIMIT),
                        config.getInt(RegistryServerConfig.SCHEMA_SEARCH_MAX_LIMIT)));
        return new RegistryServices(
                queries,
                new RegistrationService(state, parsing, modes, compatibility, writes),
                new DeletionService(state, modes, writes),
                compatibility,
                configs,
                modes);
    }

    private static HttpSettings httpSettings(RegistryServerConfig config, Duration timeout, Duration writerWait) {
        List<URI> listeners = new ArrayList<>();
        for (String listener : config.listeners()) {
            listeners.add(URI.create(listener.trim()));
        }
        HttpSettings.TlsSettings tls =
                config.getString(RegistryServerConfig.SSL_KEYSTORE_LOCATION).isBlank()
                        ? null
                        : new HttpSettings.TlsSettings(
                                config.getString(RegistryServerConfig.SSL_KEYSTORE_LOCATION),
                                config.getSecret(RegistryServerConfig.SSL_KEYSTORE_PASSWORD),
                                config.getString(RegistryServerConfig.SSL_KEYSTORE_TYPE),
                                config.getSecret(RegistryServerConfig.SSL_KEY_PASSWORD),
                                blankToNull(config.getString(RegistryServerConfig.SSL_TRUSTSTORE_LOCATION)),
                                config.getSecret(RegistryServerConfig.SSL_TRUSTSTORE_PASSWORD),
                                config.getString(RegistryServerConfig.SSL_CLIENT_AUTHENTICATION));
        BasicAuth auth = null;
        if ("BASIC".equals(config.getString(RegistryServerConfig.AUTHENTICATION_METHOD))) {
            String file = config.getString(RegistryServerConfig.AUTHENTICATION_USERS_FILE);
            auth = new BasicAuth(
                    Credentials.load(
                            file.isBlank() ? null : Path.of(file),
                            config.getSecret(RegistryServerConfig.AUTHENTICATION_USERS)),
                    config.getString(RegistryServerConfig.AUTHENTICATION_REALM));
        }
        Package pkg = RegistryServer.class.getPackage();
        String version = pkg.getImplementationVersion() == null ? "0.1.0-SNAPSHOT" : pkg.getImplementationVersion();
        HttpSettings.ConnectionLimits limits = new HttpSettings.ConnectionLimits(
                Duration.ofMillis(config.getLong(RegistryServerConfig.IDLE_TIMEOUT_MS)),
                Duration.ofMillis(config.getLong(RegistryServerConfig.REQUEST_HEADER_TIMEOUT_MS)),
                config.getLong(RegistryServerConfig.REQUEST_MIN_DATA_RATE),
                config.getInt(RegistryServerConfig.MAX_REQUEST_HEADER_SIZE),
                config.getInt(RegistryServerConfig.SERVER_CONNECTION_LIMIT),
                config.getInt(RegistryServerConfig.THREAD_POOL_MAX));
        return new HttpSettings(
                listeners,
                tls,
                auth,
                (int) config.getLong(RegistryServerConfig.REQUEST_MAX_BYTES),
                Math.max(
                        config.getLong(RegistryServerConfig.REQUEST_MEMORY_MAX_BYTES),
                        config.getLong(RegistryServerConfig.REQUEST_MAX_BYTES)),
                timeout,
                writerWait,
                limits,
                version,
                "unknown");
    }

    private static PrometheusMeterRegistry metrics(RegistryState state, RecordLog log) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("registry.schemas", state, RegistryState::schemaCount)
                .description("Distinct schema ids held")
                .register(metrics);
        Gauge.builder("registry.subjects", state, s -> s.subjectNames().size())
                .description("Subjects with at least one version")
                .register(metrics);
        Gauge.builder("registry.store.lag", log, RecordLog::lag)
                .description("Store records written but not yet applied locally")
                .register(metrics);
        Gauge.builder("registry.store.records.applied", state, RegistryState::appliedRecords)
                .description("Store records applied since start")
                .register(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        return metrics;
    }

    private static String localUrl(RegistryServerConfig config, List<Integer> ports) {
        URI first = URI.create(config.listeners().get(0).trim());
        String host = first.getHost() == null || first.getHost().equals("0.0.0.0") ? "localhost" : first.getHost();
        return first.getScheme() + "://" + host + ":" + ports.get(0);
    }

    private static String advertisedUrl(RegistryServerConfig config, List<Integer> ports) {
        String protocol = config.getString(RegistryServerConfig.INTER_INSTANCE_PROTOCOL);
        List<String> listeners = config.listeners();
        int index = 0;
        for (int i = 0; i < listeners.size(); i++) {
            if (listeners.get(i).trim().toLowerCase(java.util.Locale.ROOT).startsWith(protocol + "://")) {
                index = i;
                break;
            }
        }
        URI listener = URI.create(listeners.get(index).trim());
        String host = config.getString(RegistryServerConfig.HOST_NAME);
        if (host.isBlank()) {
            host = listener.getHost() == null || listener.getHost().equals("0.0.0.0")
                    ? machineName()
                    : listener.getHost();
        }
        return listener.getScheme() + "://" + host + ":" + ports.get(index);
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * Says how much heap the JVM may take, and warns when no limit was given: the JVM then grows the heap up to a
     * quarter of the machine's memory, far more than the registry needs.
     */
    private static void logHeap() {
        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        boolean limited = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAM"));
        if (limited) {
            log().info("heap limit {} MiB", maxMiB);
        } else {
            log().warn(
                            "no heap limit given: the JVM may grow the heap to {} MiB. 512 MiB serve 100,000 schemas; start "
                                    + "with bin/registry-server-start or java -Xmx512M -jar (JAVA_TOOL_OPTIONS=-Xmx512M in a "
                                    + "container)",
                            maxMiB);
        }
    }

    /** Not a static field: {@link #main} sets up logging before the first logger exists. */
    private static Logger log() {
        return LoggerFactory.getLogger(RegistryServer.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The URL of the first listener as a client on this machine reaches it, e.g. {@code http://localhost:8081}. */
    public String url() {
        return url;
    }

    /** The URL other instances forward writes to. */
    public String advertisedUrl() {
        return advertisedUrl;
    }

    /** The port of the first listener. */
    public int port() {
        return http.ports().get(0);
    }

    /** Whether the server serves requests (started and not stopping). */
    public boolean isReady() {
        return ready && !stopping && !closed;
    }

    /**
     * Stops gracefully: readiness turns DOWN, in-flight requests get up to {@code shutdown.graceful.ms} to finish,
     * then the listeners and the store close. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stopping = true;
        long deadline = System.nanoTime()
                + Duration.ofMillis(config.getInt(RegistryServerConfig.SHUTDOWN_GRACEFUL_MS))
                        .toNanos();
        while (http.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closed = true;
        http.close();
        log.close();
        log().info("registry at {} stopped", url);
    }

    /**
     * Runs a registry until the JVM is asked to stop.
     *
     * @param args an optional properties file
     */
    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", JAR_LOGGING);
        }
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        RegistryServerConfig config = RegistryServerConfig.load(file, System.getenv(), Map.of());
        log().info("starting with {}", config);
        logHeap();
        RegistryServer server = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "registry-shutdown"));
        stopped.await();
    }
}
