package dev.eventcontracts.devstack;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry provider for dev-stack's own tests, listed in {@code src/test/resources/META-INF/services}: it
 * starts nothing and remembers what it was given.
 */
public final class FakeRegistryProvider implements RegistryProvider {

    private static final Logger LOG = LoggerFactory.getLogger(FakeRegistryProvider.class);

    /**
     * Creates the provider; {@link java.util.ServiceLoader} calls this.
     */
    public FakeRegistryProvider() {}

    @Override
    public RunningRegistry start(String bootstrapServers, Map<String, String> config) {
        return new FakeRegistry(bootstrapServers, Map.copyOf(config));
    }

    /** What {@link FakeRegistryProvider#start} returns. */
    static final class FakeRegistry implements RunningRegistry {

        private final String bootstrapServers;
        private final Map<String, String> config;
        private final AtomicBoolean closed = new AtomicBoolean();

        FakeRegistry(String bootstrapServers, Map<String, String> config) {
            this.bootstrapServers = bootstrapServers;
            this.config = config;
        }

        String bootstrapServers() {
            return bootstrapServers;
        }

        Map<String, String> config() {
            return config;
        }

        boolean isClosed() {
            return closed.get();
        }

        @Override
        public String url() {
            return "http://fake-registry.invalid/" + bootstrapServers;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                LOG.info("Fake registry for {} closed", bootstrapServers);
            }
        }
    }
}
