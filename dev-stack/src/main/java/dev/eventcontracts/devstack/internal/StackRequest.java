package dev.eventcontracts.devstack.internal;

import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.devstack.WithKafka.Stack;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What one test class asked for: its {@link WithKafka} values, with {@link Stack#DEFAULT} resolved through the
 * {@code stack} system property and checked once, at class start-up.
 *
 * @param owner the class that carries the annotation (for a {@code @Nested} class, possibly an enclosing class)
 * @param brokers the broker count, at least 1
 * @param registry whether a schema registry is started
 * @param stack {@link Stack#IN_PROCESS} or {@link Stack#DOCKER}, never {@link Stack#DEFAULT}
 */
public record StackRequest(Class<?> owner, int brokers, boolean registry, Stack stack) {

    /** The system property that chooses the stack for {@link Stack#DEFAULT}. */
    public static final String STACK_PROPERTY = "stack";

    /**
     * Checks the values and resolves the stack.
     *
     * @param owner the annotated class, not null
     * @param brokers the requested broker count
     * @param registry whether a registry is requested
     * @param declared the annotation's stack, not null
     * @param stackProperty the value of {@code -Dstack}; null when unset
     * @return the request, never null
     * @throws ExtensionConfigurationException naming the setting, its value and what is expected
     */
    public static StackRequest of(Class<?> owner, int brokers, boolean registry, Stack declared, String stackProperty) {
        Objects.requireNonNull(owner, "owner");
        if (brokers < 1) {
            throw new ExtensionConfigurationException(
                    "@WithKafka(brokers = " + brokers + ") on " + owner.getName() + ": brokers must be at least 1");
        }
        if (declared == Stack.DOCKER && brokers > 1) {
            throw new ExtensionConfigurationException("@WithKafka(brokers = " + brokers + ", stack = DOCKER) on "
                    + owner.getName() + ": multi-broker clusters run in-process only (tests control their brokers);"
                    + " remove stack = DOCKER");
        }
        Stack stack = declared == Stack.DEFAULT ? fromProperty(stackProperty) : declared;
        // Multi-broker classes stop and start brokers, which only the in-process cluster can do.
        return new StackRequest(owner, brokers, registry, brokers > 1 ? Stack.IN_PROCESS : stack);
    }

    /**
     * Finds the request for the test class of {@code context}, as {@link #find(Class, String)} does with the
     * {@code stack} system property.
     *
     * @param context any class- or method-level context, not null
     * @return the request, never null
     * @throws ExtensionConfigurationException if a value is invalid
     */
    public static StackRequest find(ExtensionContext context) {
        return find(context.getRequiredTestClass(), System.getProperty(STACK_PROPERTY));
    }

    /**
     * Finds the request for a test class: the nearest {@link WithKafka} on the class or, for a {@code @Nested}
     * class, an enclosing class; or the defaults when the extension was registered without the annotation. On
     * one class, a {@code @WithKafka} declared directly wins over one reached through a composed annotation such
     * as {@link dev.eventcontracts.devstack.KafkaIntegrationTest} (JUnit's {@code AnnotationSupport} order), so a
     * class states its settings with a direct {@code @WithKafka(...)}.
     *
     * @param testClass the test class, not null
     * @param stackProperty the value of {@code -Dstack}; null when unset
     * @return the request, never null
     * @throws ExtensionConfigurationException if a value is invalid
     */
    public static StackRequest find(Class<?> testClass, String stackProperty) {
        for (Class<?> candidate = testClass; candidate != null; candidate = enclosingOfInner(candidate)) {
            Optional<WithKafka> annotation = AnnotationSupport.findAnnotation(candidate, WithKafka.class);
            if (annotation.isPresent()) {
                WithKafka a = annotation.get();
                return of(candidate, a.brokers(), a.registry(), a.stack(), stackProperty);
            }
        }
        return of(testClass, 1, false, Stack.DEFAULT, stackProperty);
    }

    /**
     * Tells whether this request uses the JVM-wide single broker rather than a cluster private to
     * {@link #owner()}.
     *
     * @return {@code true} for one broker
     */
    public boolean shared() {
        return brokers == 1;
    }

    /**
     * Returns the key under which the Kafka for this request is stored.
     *
     * @return a key unique per shared stack or per owning class, never null
     */
    public String kafkaKey() {
        return shared() ? "kafka:shared:" + stack : "kafka:" + brokers + "-brokers:" + owner.getName();
    }

    private static Stack fromProperty(String value) {
        if (value == null || value.isBlank()) {
            return Stack.IN_PROCESS;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "in-process", "inprocess" -> Stack.IN_PROCESS;
            case "docker" -> Stack.DOCKER;
            default ->
                throw new ExtensionConfigurationException("system property '" + STACK_PROPERTY + "' is '" + value
                        + "'; expected 'in-process' (the default) or 'docker'");
        };
    }

    private static Class<?> enclosingOfInner(Class<?> type) {
        // Only @Nested (inner) classes inherit their enclosing class's Kafka; static member classes are standalone.
        boolean inner = type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers());
        return inner ? type.getEnclosingClass() : null;
    }
}
