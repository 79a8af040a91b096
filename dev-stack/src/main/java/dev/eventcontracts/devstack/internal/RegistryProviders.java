package dev.eventcontracts.devstack.internal;

import dev.eventcontracts.devstack.RegistryProvider;
import dev.eventcontracts.devstack.RunningRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the one {@link RegistryProvider} on the classpath and starts a registry with it.
 */
public final class RegistryProviders {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryProviders.class);
    private static final String SERVICE_FILE = "META-INF/services/" + RegistryProvider.class.getName();

    private RegistryProviders() {}

    /**
     * Starts a registry for the given Kafka through the provider that {@code loader} sees.
     *
     * @param bootstrapServers the Kafka address, not null
     * @param loader the class loader to search, not null
     * @return the running registry, never null
     * @throws IllegalStateException if there is not exactly one provider, or it returns null
     */
    public static RunningRegistry start(String bootstrapServers, ClassLoader loader) {
        RegistryProvider provider = single(load(loader));
        long start = System.nanoTime();
        RunningRegistry registry = provider.start(bootstrapServers, Map.of());
        if (registry == null) {
            throw new IllegalStateException(
                    provider.getClass().getName() + ".start(...) returned null; expected a running registry");
        }
        LOG.info(
                "Schema registry ready at {} in {} ms (provider {})",
                registry.url(),
                (System.nanoTime() - start) / 1_000_000,
                provider.getClass().getName());
        return registry;
    }

    /**
     * Returns the only provider of {@code found}.
     *
     * @param found the providers on the classpath, not null
     * @return that provider, never null
     * @throws IllegalStateException naming what to add when there is none, and every class when there are several
     */
    public static RegistryProvider single(List<RegistryProvider> found) {
        if (found.isEmpty()) {
            throw new IllegalStateException("@WithKafka(registry = true) needs a " + RegistryProvider.class.getName()
                    + " on the test classpath, listed in " + SERVICE_FILE + ", and none was found;"
                    + " add dev.eventcontracts:dev-stack-registry (our registry server's provider) as a test"
                    + " dependency");
        }
        if (found.size() > 1) {
            throw new IllegalStateException("@WithKafka(registry = true) needs exactly one "
                    + RegistryProvider.class.getName() + " on the test classpath, found " + found.size() + ": "
                    + found.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", ")));
        }
        return found.get(0);
    }

    private static List<RegistryProvider> load(ClassLoader loader) {
        List<RegistryProvider> providers = new ArrayList<>();
        try {
            ServiceLoader.load(RegistryProvider.class, loader).forEach(providers::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException(
                    "a " + RegistryProvider.class.getName() + " listed in " + SERVICE_FILE + " cannot be loaded: "
                            + e.getMessage(),
                    e);
        }
        return providers;
    }
}
