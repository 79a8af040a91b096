package dev.eventcontracts.compattests;

import dev.eventcontracts.devstack.RunningRegistry;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JUnit 5 extension that gives the interoperability suite a real Apicurio Registry: started once per test
 * JVM, before the first class that registers this extension runs (so its ~10 s start counts against no test's
 * timeout), kept in JUnit's root store and stopped by JUnit when the run ends.
 *
 * <p>Apicurio 3 needs Java 21+. When no such runtime is found ({@link JavaRuntimes}), every test that asks for
 * {@link #url()} is aborted, so the build reports it as skipped with the reason, never as passed.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Apicurio APICURIO = new Apicurio();
 * }</pre>
 */
final class Apicurio implements BeforeAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(Apicurio.class);
    private static final Namespace NAMESPACE = Namespace.create(Apicurio.class);
    private static final int JAVA_FEATURE = 21;

    /** Either the running registry or why none could run here. */
    private record Started(ApicurioRegistry registry, String skipReason) implements AutoCloseable {

        @Override
        public void close() {
            if (registry != null) {
                registry.close();
            }
        }
    }

    private volatile Started started;

    @Override
    public void beforeAll(ExtensionContext context) {
        started = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("apicurio", k -> start(), Started.class);
    }

    /** Returns the version under test, as the build resolved it. */
    static String version() {
        return property("apicurio.version");
    }

    /**
     * Returns the base URL of its Confluent-compatible API ({@code .../apis/ccompat/v7}), or aborts the calling
     * test (reported as skipped, with the reason) when no Java 21+ runtime was found.
     */
    String url() {
        Started s = started;
        if (s == null) {
            throw new IllegalStateException(
                    "Apicurio is not started: register the extension with @RegisterExtension " + "on a static field");
        }
        Assumptions.assumeTrue(s.registry() != null, s.skipReason());
        return s.registry().url();
    }

    /**
     * Returns the base URL of a registry under test: ours as dev-stack started it, or this Apicurio (aborting
     * the test when it cannot run here, see {@link #url()}).
     *
     * @param registry which one
     * @param ours our registry, injected by dev-stack's {@code @WithKafka(registry = true)}
     */
    String urlOf(Registry registry, RunningRegistry ours) {
        return registry == Registry.OURS ? ours.url() : url();
    }

    private static Started start() {
        JavaRuntimes.Search search = JavaRuntimes.find(JAVA_FEATURE);
        Optional<JavaRuntimes.Runtime> runtime = search.found();
        if (runtime.isEmpty()) {
            String reason = "Apicurio Registry " + version() + " needs a Java " + JAVA_FEATURE + "+ runtime and none"
                    + " was found (looked at " + String.join(", ", search.lookedAt()) + "); set"
                    + " -Dinterop.java.home=<a JDK 21+> to run the interoperability suite against it";
            LOG.warn(reason);
            return new Started(null, reason);
        }
        Path home = Paths.get(property("apicurio.home"));
        Path work = Paths.get(
                        "target", "apicurio-run-" + ProcessHandle.current().pid())
                .toAbsolutePath();
        ApicurioRegistry registry = ApicurioRegistry.start(home, runtime.get().java(), work);
        LOG.info(
                "Apicurio Registry {} ready at {} in {} ms on Java {} (log {})",
                version(),
                registry.url(),
                registry.startMillis(),
                runtime.get().version(),
                registry.log());
        return new Started(registry, null);
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + key + " is not set; run the suite through failsafe (mvn verify)");
        }
        return value;
    }
}
