package dev.eventcontracts.server;

import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.WithKafka;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a {@link WithKafka @WithKafka} test class one {@link SharedRegistry} of its own on the class's Kafka, as
 * a constructor (or method) parameter of type {@link SharedRegistry} or {@link Rest}.
 *
 * <p>The registry starts when the class first asks for it and lives in JUnit's store of the class, which closes
 * it after the class. Kafka is obtained through JUnit's parameter resolution, so the {@code KafkaExtension}
 * behind {@code @WithKafka} provides it exactly as it would a {@link KafkaCluster} constructor parameter.
 * Register with {@code @ExtendWith(RegistryOnKafka.class)} (or {@link WithRegistryOnKafka}) for the server
 * defaults, or with
 * {@code @RegisterExtension static final RegistryOnKafka REGISTRY = RegistryOnKafka.withConfig(...)} for extra
 * server settings. Stateless apart from that fixed configuration: the running registry lives in the store.
 */
final class RegistryOnKafka implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(RegistryOnKafka.class);

    private final Map<String, ?> extra;

    /** The registry with the server defaults; JUnit calls this for {@code @ExtendWith}. */
    RegistryOnKafka() {
        this(Map.of());
    }

    private RegistryOnKafka(Map<String, ?> extra) {
        this.extra = Map.copyOf(extra);
    }

    /**
     * The registry with extra server settings.
     *
     * @param extra settings on top of the test defaults, by Confluent key, not null
     * @return the extension, never null
     */
    static RegistryOnKafka withConfig(Map<String, ?> extra) {
        return new RegistryOnKafka(extra);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == SharedRegistry.class || type == Rest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        SharedRegistry registry = registry(classContext(extensionContext));
        return parameterContext.getParameter().getType() == Rest.class ? registry.rest() : registry;
    }

    private SharedRegistry registry(ExtensionContext classContext) {
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        classContext.getRequiredTestClass(), key -> start(classContext), SharedRegistry.class);
    }

    private SharedRegistry start(ExtensionContext classContext) {
        // Invoking startOn through JUnit lets @WithKafka's resolver supply the broker, with no dev-stack internals.
        try {
            Method startOn = RegistryOnKafka.class.getDeclaredMethod("startOn", KafkaCluster.class);
            return (SharedRegistry) classContext.getExecutableInvoker().invoke(startOn, this);
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException("RegistryOnKafka.startOn(KafkaCluster) is missing", e);
        }
    }

    private SharedRegistry startOn(KafkaCluster kafka) {
        return SharedRegistry.onKafka(kafka, extra);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }
}
