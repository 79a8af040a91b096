package dev.eventcontracts.maven.internal;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One subject a goal works on: its schema text, its references and the level the configuration gives it.
 *
 * @param subject the subject; never null
 * @param level the configured level; empty to use the registry's (or the default)
 * @param schemaText the schema's JSON text; never null
 * @param references the schema's direct references, in order; never null
 * @param source where the schema came from, for messages (a file path or the descriptor); never null
 */
public record SubjectPlan(String subject, Optional<CompatibilityLevel> level, String schemaText,
        List<PlannedReference> references, String source) {

    /** Copies the references. */
    public SubjectPlan {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(schemaText, "schemaText");
        references = List.copyOf(references);
    }
}
