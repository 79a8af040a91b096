package dev.eventcontracts.maven;

import dev.eventcontracts.compat.CompatibilityLevel;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.maven.internal.GateException;
import dev.eventcontracts.maven.internal.GoalRunner;
import dev.eventcontracts.maven.internal.RegistryGateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Sets compatibility levels: {@code compatibilityLevels} maps a subject (or {@code __GLOBAL} / {@code null}
 * for the global level) to a level, or to {@code null} to delete the subject's level. Without
 * {@code compatibilityLevels}, the levels of the topic-contract descriptor are applied to its subjects.
 * Unlike Confluent's goal, a subject need not exist yet, so levels can be set before the first register.
 *
 * @since 0.1.0
 */
@Mojo(name = "set-compatibility", threadSafe = true)
public class SetCompatibilityMojo extends AbstractContractsMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!skipped()) {
            GoalRunner.withRegistry("set-compatibility", "set compatibility levels", this::registryDescription)
                    .run(this::setLevels);
        }
    }

    private void setLevels() throws GateException {
        try (RegistryGateway registry = openRegistry()) {
            for (Map.Entry<String, Optional<CompatibilityLevel>> e : wanted().entrySet()) {
                String subject = e.getKey();
                boolean global = subject.equals("__GLOBAL") || subject.equalsIgnoreCase("null");
                String name = global ? "global compatibility" : "compatibility of subject '" + subject + "'";
                if (e.getValue().isEmpty()) {
                    registry.deleteLevel(global ? null : subject);
                    if (global) {
                        getLog().info("Deleted " + name + ": now " + registry.globalLevel());
                    } else {
                        reportFallback(registry, subject, name);
                    }
                } else {
                    registry.setLevel(global ? null : subject, e.getValue().get());
                    getLog().info("Set " + name + " to " + e.getValue().get());
                }
            }
        }
    }

    /**
     * Reads back the level a subject runs at once its own level is deleted. Confluent's registry then applies
     * the global level; some registries (Apicurio 3) keep a deleted {@code NONE} in force, which would leave the
     * subject unchecked without anyone noticing.
     */
    private void reportFallback(RegistryGateway registry, String subject, String name) {
        CompatibilityLevel inForce = registry.effectiveLevel(subject);
        CompatibilityLevel global = registry.globalLevel();
        if (inForce == global) {
            getLog().info("Deleted " + name + ": the global level " + global + " applies");
        } else {
            getLog().warn("Deleted " + name + ", but the registry still applies " + inForce + " to it, not the global"
                    + " level " + global + ": set the level the subject should have (e.g. " + global + ") instead"
                    + " of deleting it");
        }
    }

    private Map<String, Optional<CompatibilityLevel>> wanted() throws GateException {
        Map<String, Optional<CompatibilityLevel>> wanted = new LinkedHashMap<>();
        Map<String, String> configured = decoded(compatibilityLevels);
        if (!configured.isEmpty()) {
            for (Map.Entry<String, String> e : configured.entrySet()) {
                boolean delete = e.getValue() == null || e.getValue().trim().equalsIgnoreCase("null");
                wanted.put(e.getKey(), delete ? Optional.empty() : level(e.getValue(), e.getKey()));
            }
            return wanted;
        }
        for (SubjectPlan plan : plans()) {
            plan.level().ifPresent(l -> wanted.put(plan.subject(), Optional.of(l)));
        }
        if (wanted.isEmpty()) {
            throw new GateException("No levels to set: configure <compatibilityLevels> or <topicContracts>");
        }
        return wanted;
    }
}
