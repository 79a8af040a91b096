package dev.eventcontracts.compat;

import java.util.List;
import java.util.Objects;

/**
 * Confluent Schema Registry's texts around compatibility findings, for the registry's HTTP answers.
 *
 * @since 0.1.0
 */
public final class ConfluentMessages {

    private ConfluentMessages() {}

    /**
     * Returns the {@code message} of the 409 answer (error code {@code 40901}) to registering an incompatible
     * schema, e.g. {@code Schema being registered is incompatible with an earlier schema for subject
     * "orders-value", details: [{errorType:'TYPE_MISMATCH', ...}, {oldSchemaVersion: 2}, ...]}.
     *
     * @param subject the subject; never null
     * @param messages the messages, e.g. {@link CompatibilityResult#confluentMessages()}; never null
     * @return the message, the messages joined by {@code ", "} inside brackets; never null
     */
    public static String incompatibleSchema(String subject, List<String> messages) {
        Objects.requireNonNull(subject, "subject");
        return "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                + "\", details: [" + String.join(", ", messages) + "]";
    }
}
