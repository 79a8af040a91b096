package dev.eventcontracts.maven.internal;

import dev.eventcontracts.compat.Violation;
import java.util.Objects;

/**
 * A violation as reported: the engine's violation plus the old version described for people.
 *
 * @param violation the engine's violation; never null
 * @param oldVersion the old version described, e.g. {@code "version 1 (released v1)"}; never null
 */
public record ReportedViolation(Violation violation, String oldVersion) {

    /** Checks that both parts are present. */
    public ReportedViolation {
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(oldVersion, "oldVersion");
    }

    /** Returns the name of the field the violation is about: the last segment of its path. */
    public String fieldName() {
        String path = violation.fieldPath() == null ? "" : violation.fieldPath();
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.replace("[]", "").replace("{}", "");
    }
}
