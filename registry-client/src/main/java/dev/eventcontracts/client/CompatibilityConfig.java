package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A compatibility configuration as {@code GET /config}, {@code GET /config/{subject}} and the matching
 * {@code DELETE}s answer it: {@code {"compatibilityLevel": "BACKWARD"}}. Note the key: reads say
 * {@code compatibilityLevel}, updates ({@link CompatibilityUpdate}) say {@code compatibility}.
 *
 * @param compatibilityLevel the level, e.g. {@code BACKWARD_TRANSITIVE}; null when the registry sent none
 * @param normalize whether the registry normalizes schemas of this scope, or null when not set
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompatibilityConfig(String compatibilityLevel, Boolean normalize) {}
