package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to {@code POST /compatibility/subjects/{subject}/versions[/{version}]}:
 * {@code {"is_compatible": false, "messages": [...]}}; {@code messages} only comes with {@code verbose=true}.
 *
 * @param isCompatible whether the schema is compatible ({@code is_compatible})
 * @param messages the reasons it is not; empty when the registry sent none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompatibilityCheckResponse(
        @JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {

    /** Copies the messages; null is read as none. */
    public CompatibilityCheckResponse {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
