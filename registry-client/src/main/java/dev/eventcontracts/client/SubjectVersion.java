package dev.eventcontracts.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * A subject and version pair, as {@code GET /schemas/ids/{id}/versions} lists them.
 *
 * @param subject the subject; never null
 * @param version the version number
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectVersion(String subject, int version) {

    /** Checks that the subject is present. */
    public SubjectVersion {
        Objects.requireNonNull(subject, "subject");
    }
}
