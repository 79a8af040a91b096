package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of {@code PUT /config} and {@code PUT /config/{subject}}, which the registry echoes back:
 * {@code {"compatibility": "FULL"}}.
 *
 * @param compatibility the level to set, e.g. {@code FULL_TRANSITIVE}; null leaves it unchanged
 * @param normalize whether the registry should normalize schemas of this scope, or null to leave it unchanged
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompatibilityUpdate(String compatibility, Boolean normalize) {

    /**
     * Builds an update of the level only.
     *
     * @param compatibility the level, e.g. {@code BACKWARD}; never null
     * @return the update; never null
     */
    public static CompatibilityUpdate of(String compatibility) {
        return new CompatibilityUpdate(Objects.requireNonNull(compatibility, "compatibility"), null);
    }
}
