package dev.eventcontracts.maven.internal;

import dev.eventcontracts.client.RegistryException;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs the work of one goal and turns whatever it throws into what Maven expects of a goal, the same way for every
 * goal:
 * <ul>
 *   <li>{@link InvalidContractException} (a schema that does not parse or resolve) becomes a
 *       {@link MojoFailureException}: the project is wrong;</li>
 *   <li>{@link GateException} (configuration, files) becomes a {@link MojoExecutionException} with its message;</li>
 *   <li>{@link RegistryException} becomes a {@link MojoExecutionException} naming the action and the registry
 *       ({@link RegistryFailures}), for goals that talk to one;</li>
 *   <li>any other {@link RuntimeException} becomes a {@link MojoExecutionException}
 *       {@code "<goal> failed unexpectedly: <exception>"}, so no bare runtime exception leaves a goal;</li>
 *   <li>{@link MojoFailureException} and {@link MojoExecutionException} from the work pass unchanged.</li>
 * </ul>
 *
 * <p>Why a runner the goals hand their work to, rather than a template method in {@code AbstractContractsMojo}:
 * the base class holds the parameters Maven injects and nothing else, and one error policy composed into each
 * goal stays readable on its own and testable without a mojo. A goal keeps only the catch that is its own (e.g.
 * {@code download} naming the directory it could not write).
 */
public final class GoalRunner {

    /**
     * The work of a goal.
     */
    @FunctionalInterface
    public interface Work {
        /**
         * Does the goal's work.
         *
         * @throws GateException when the configuration or a file is unusable
         * @throws InvalidContractException when a schema is invalid
         * @throws MojoExecutionException when the goal decided so itself
         * @throws MojoFailureException when the goal found violations
         */
        void run() throws GateException, InvalidContractException, MojoExecutionException, MojoFailureException;
    }

    private final String goal;
    private final String registryAction;
    private final Supplier<String> registry;

    private GoalRunner(String goal, String registryAction, Supplier<String> registry) {
        this.goal = Objects.requireNonNull(goal, "goal");
        this.registryAction = registryAction;
        this.registry = registry;
    }

    /**
     * Returns the runner of a goal that works on local files only; a {@link RegistryException} is unexpected there.
     *
     * @param goal the goal name as users type it, e.g. {@code validate}; not null
     * @return the runner, never null
     */
    public static GoalRunner local(String goal) {
        return new GoalRunner(goal, null, null);
    }

    /**
     * Returns the runner of a goal that talks to a registry.
     *
     * @param goal the goal name as users type it, e.g. {@code register}; not null
     * @param registryAction what the goal asks of the registry, for messages, e.g. {@code register schemas}; not
     *     null
     * @param registry describes the registry for messages (its URLs without user-info), asked only on failure; not
     *     null
     * @return the runner, never null
     */
    public static GoalRunner withRegistry(String goal, String registryAction, Supplier<String> registry) {
        return new GoalRunner(
                goal,
                Objects.requireNonNull(registryAction, "registryAction"),
                Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Runs the work, mapping its exceptions as the class describes.
     *
     * @param work the goal's work; not null
     * @throws MojoExecutionException when the goal could not do its work
     * @throws MojoFailureException when the project's schemas are invalid or break a rule
     */
    public void run(Work work) throws MojoExecutionException, MojoFailureException {
        try {
            work.run();
        } catch (InvalidContractException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (GateException e) {
            throw executionFailure(e);
        } catch (RegistryException e) {
            if (registryAction == null) {
                throw unexpected(e);
            }
            throw executionFailure(RegistryFailures.toGateException(registryAction, registry.get(), e));
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    private static MojoExecutionException executionFailure(GateException e) {
        return new MojoExecutionException(e.getMessage(), e);
    }

    private MojoExecutionException unexpected(RuntimeException e) {
        return new MojoExecutionException(goal + " failed unexpectedly: " + e, e);
    }
}
