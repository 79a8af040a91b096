package dev.eventcontracts.devstack.internal;

import dev.eventcontracts.devstack.BootstrapServers;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.devstack.RunningKafka;
import dev.eventcontracts.devstack.RunningRegistry;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Decides which parameters and fields the extension fills, and with what.
 */
public final class Injection {

    private static final Set<Class<?>> INJECTABLE_TYPES =
            Set.of(KafkaCluster.class, RunningKafka.class, RunningRegistry.class);

    private Injection() {}

    /**
     * Tells whether a parameter or field of this type and annotations is the extension's to fill.
     *
     * @param type the declared type, not null
     * @param element the parameter or field, not null
     * @return {@code true} for {@link KafkaCluster}, {@link RunningKafka}, {@link RunningRegistry} and anything
     *     annotated {@link BootstrapServers}
     */
    public static boolean supports(Class<?> type, AnnotatedElement element) {
        return INJECTABLE_TYPES.contains(type) || element.isAnnotationPresent(BootstrapServers.class);
    }

    /**
     * Returns the value for a supported parameter or field, starting Kafka or the registry if needed.
     *
     * @param type the declared type, not null
     * @param element the parameter or field, not null
     * @param context the current context, not null
     * @return the value, never null
     * @throws ExtensionConfigurationException if the test class cannot have that value, saying what to change
     */
    public static Object resolve(Class<?> type, AnnotatedElement element, ExtensionContext context) {
        StackRequest request = StackRequest.find(context);
        if (element.isAnnotationPresent(BootstrapServers.class)) {
            if (type != String.class) {
                throw new ExtensionConfigurationException(
                        "@BootstrapServers " + element + " must be a String, is " + type.getName());
            }
            return KafkaStacks.kafka(context, request).bootstrapServers();
        }
        if (type == RunningRegistry.class) {
            if (!request.registry()) {
                throw new ExtensionConfigurationException(element + " asks for a RunningRegistry; annotate "
                        + request.owner().getName() + " with @WithKafka(registry = true)");
            }
            return KafkaStacks.registry(context, request);
        }
        RunningKafka kafka = KafkaStacks.kafka(context, request);
        if (type == KafkaCluster.class && !(kafka instanceof KafkaCluster)) {
            throw new ExtensionConfigurationException(element + " asks for a KafkaCluster, which controls in-process"
                    + " brokers, but " + request.owner().getName() + " runs on the " + request.stack()
                    + " stack; ask for RunningKafka or @BootstrapServers String instead");
        }
        return kafka;
    }

    /**
     * Fills the instance's non-static, non-final fields of injectable types that are still null.
     *
     * @param instance the test instance, not null
     * @param context the current context, not null
     */
    public static void injectFields(Object instance, ExtensionContext context) {
        List<Field> fields = ReflectionSupport.findFields(
                instance.getClass(),
                field -> !Modifier.isStatic(field.getModifiers())
                        && !Modifier.isFinal(field.getModifiers())
                        && supports(field.getType(), field),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            try {
                field.setAccessible(true);
                if (field.get(instance) == null) {
                    field.set(instance, resolve(field.getType(), field, context));
                }
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("cannot set field " + field + ": " + e.getMessage(), e);
            }
        }
    }
}
