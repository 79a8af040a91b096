package dev.eventcontracts.contracts;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One subject of a contract (or of a configuration) as it is to be registered or checked: its schema text, its
 * direct references and the level the contract gives it.
 *
 * @param subject the subject; never null
 * @param level the declared level; empty to use the registry's (or the default)
 * @param schemaText the schema's JSON text; never null
 * @param references the schema's direct references, in order; never null
 * @param source where the schema came from, for messages (a file path or the descriptor); never null
 * @since 0.1.0
 */
public record SubjectPlan(
        String subject,
        Optional<CompatibilityLevel> level,
        String schemaText,
        List<PlannedReference> references,
        String source) {

    /** Checks the required parts and copies the references. */
    public SubjectPlan {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(schemaText, "schemaText");
        Objects.requireNonNull(source, "source");
        references = List.copyOf(references);
    }
}
