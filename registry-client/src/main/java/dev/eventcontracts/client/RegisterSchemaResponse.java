package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to {@code POST /subjects/{subject}/versions}: {@code {"id": 3}}; registries from Confluent 7.x on
 * also send the {@code version} (and more fields, which are ignored).
 *
 * @param id the global schema id
 * @param version the version under the subject, or null when the registry did not send it
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterSchemaResponse(int id, Integer version) {}
