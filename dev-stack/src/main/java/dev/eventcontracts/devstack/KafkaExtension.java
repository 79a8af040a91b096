package dev.eventcontracts.devstack;

import dev.eventcontracts.devstack.WithKafka.Stack;
import dev.eventcontracts.devstack.internal.Injection;
import dev.eventcontracts.devstack.internal.KafkaStacks;
import dev.eventcontracts.devstack.internal.StackRequest;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 extension behind {@link WithKafka}: starts a real Kafka for a test class and injects it.
 *
 * <p>Why an extension rather than a base class: test classes stay free to extend what they like, and JUnit's
 * store closes what was started, even when a test fails. The shared single broker is started when the first
 * class needs it and closed when the test run ends; a multi-broker cluster is private to its class. A class
 * that asks for the docker stack where Docker or Testcontainers is missing is reported as skipped, with the
 * reason, never as passed.
 *
 * <p>Register it with {@link WithKafka} (preferred, carries the settings) or with
 * {@code @ExtendWith(KafkaExtension.class)} for the defaults. Stateless: everything lives in JUnit's store.
 *
 * @since 0.1.0
 */
public final class KafkaExtension
        implements ExecutionCondition, BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

    /**
     * Creates the extension; JUnit calls this.
     */
    public KafkaExtension() {}

    /**
     * Skips a class on the docker stack when Docker cannot run here; enables everything else.
     *
     * @param context the class or method context, not null
     * @return the decision with its reason, never null
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestClass().isEmpty() || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided per test class");
        }
        StackRequest request = StackRequest.find(context);
        if (request.stack() != Stack.DOCKER) {
            return ConditionEvaluationResult.enabled("Kafka runs in-process");
        }
        return KafkaStacks.dockerUnavailableReason(context)
                .map(reason -> ConditionEvaluationResult.disabled(request.owner()
                                .getSimpleName()
                        + " needs the docker stack (-Dstack=docker or @WithKafka(stack = DOCKER)), but " + reason))
                .orElseGet(() -> ConditionEvaluationResult.enabled("Docker is available"));
    }

    /**
     * Starts (or reuses) the class's Kafka, and its registry when requested, before any test runs, so start-up
     * time does not count against test timeouts.
     *
     * @param context the class context, not null
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        StackRequest request = StackRequest.find(context);
        KafkaStacks.kafka(context, request);
        if (request.registry()) {
            KafkaStacks.registry(context, request);
        }
    }

    /**
     * Fills the test instance's non-static, non-final fields of type {@link KafkaCluster}, {@link RunningKafka} or
     * {@link RunningRegistry}, and {@link BootstrapServers @BootstrapServers String} fields, that are still null.
     *
     * @param testInstance the new test instance, not null
     * @param context the current context, not null
     */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        Injection.injectFields(testInstance, context);
    }

    /**
     * Claims parameters of type {@link KafkaCluster}, {@link RunningKafka}, {@link RunningRegistry} and those
     * annotated {@link BootstrapServers}.
     *
     * @param parameterContext the parameter, not null
     * @param extensionContext the current context, not null
     * @return whether this extension resolves the parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        return Injection.supports(parameter.getType(), parameter);
    }

    /**
     * Returns the running Kafka, its address or the registry for a claimed parameter.
     *
     * @param parameterContext the parameter, not null
     * @param extensionContext the current context, not null
     * @return the value, never null
     * @throws ParameterResolutionException if the class's settings cannot provide it, saying what to change
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        try {
            return Injection.resolve(parameter.getType(), parameter, extensionContext);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }
}
