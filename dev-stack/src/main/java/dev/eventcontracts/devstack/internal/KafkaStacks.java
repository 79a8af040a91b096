package dev.eventcontracts.devstack.internal;

import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.RunningKafka;
import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka.Stack;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * Finds or starts the Kafka (and registry) a test class asked for, and keeps it in JUnit's store, which closes
 * it: a shared broker lives in the root store until the end of the test run, a private cluster in its owning
 * class's store until that class is done. This store is the only state kept between test classes.
 */
public final class KafkaStacks {

    private static final Namespace NAMESPACE = Namespace.create("dev.eventcontracts.devstack");
    private static final String DOCKER_CHECK_KEY = "docker-unavailable-reason";

    private KafkaStacks() {}

    /**
     * Returns the running Kafka for the request, starting it on first use.
     *
     * @param context the current context, not null
     * @param request what the test class asked for, not null
     * @return the running Kafka, never null
     */
    public static RunningKafka kafka(ExtensionContext context, StackRequest request) {
        return store(context, request)
                .getOrComputeIfAbsent(request.kafkaKey(), key -> start(request), RunningKafka.class);
    }

    /**
     * Returns the running registry next to the request's Kafka, starting both on first use. It is stored after
     * the Kafka, so JUnit (which closes in reverse order) stops it first.
     *
     * @param context the current context, not null
     * @param request what the test class asked for, not null
     * @return the running registry, never null
     */
    public static RunningRegistry registry(ExtensionContext context, StackRequest request) {
        String bootstrapServers = kafka(context, request).bootstrapServers();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return store(context, request)
                .getOrComputeIfAbsent(
                        "registry@" + request.kafkaKey(),
                        key -> RegistryProviders.start(bootstrapServers, loader),
                        RunningRegistry.class);
    }

    /**
     * Returns why the docker stack cannot run, checking once per test run.
     *
     * @param context any context, not null
     * @return the reason, or empty when Docker is usable
     */
    @SuppressWarnings("unchecked")
    public static Optional<String> dockerUnavailableReason(ExtensionContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(DOCKER_CHECK_KEY, key -> DockerSupport.unavailableReason(loader), Optional.class);
    }

    private static RunningKafka start(StackRequest request) {
        if (request.stack() == Stack.DOCKER) {
            return DockerSupport.start();
        }
        return KafkaCluster.builder().brokers(request.brokers()).start();
    }

    private static Store store(ExtensionContext context, StackRequest request) {
        ExtensionContext owner = request.shared() ? context.getRoot() : ownerContext(context, request.owner());
        return owner.getStore(NAMESPACE);
    }

    private static ExtensionContext ownerContext(ExtensionContext context, Class<?> owner) {
        for (ExtensionContext current = context;
                current != null;
                current = current.getParent().orElse(null)) {
            boolean classLevel = current.getTestMethod().isEmpty();
            if (classLevel && current.getTestClass().filter(owner::equals).isPresent()) {
                return current;
            }
        }
        throw new ExtensionConfigurationException(
                "no test-class context for " + owner.getName() + " above " + context.getUniqueId());
    }
}
