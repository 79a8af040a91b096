package dev.eventcontracts.serde.internal;

import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.serde.SchemaRegistryAuthenticationException;
import dev.eventcontracts.serde.SchemaRegistryAuthorizationException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Builds the serde's exceptions: every message names the topic, the subject and the schema id (or says they
 * are not known yet), then what happened and what to do.
 */
final class Failures {

    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int VERSION_NOT_FOUND = 40402;
    private static final int SCHEMA_NOT_FOUND = 40403;

    private Failures() {}

    static String where(String topic, String subject, Integer id) {
        return "topic '" + topic + "', subject " + (subject == null ? "(not known)" : "'" + subject + "'")
                + ", schema id " + (id == null ? "(not known)" : id.toString());
    }

    static SerializationException serde(String what, String topic, String subject, Integer id, Throwable cause) {
        return new SerializationException(what + " (" + where(topic, subject, id) + ")", cause);
    }

    /**
     * Translates a registry failure.
     *
     * @param e the client's exception
     * @param action what the serde was doing, e.g. {@code "registering the schema"}
     */
    static SerializationException registry(
            RegistryException e, String action, String topic, String subject, Integer id) {
        String where = " (" + where(topic, subject, id) + ")";
        String detail = ": " + e.getMessage();
        if (e.status() == 401) {
            return new SchemaRegistryAuthenticationException(
                    "Schema registry authentication failed (HTTP 401) "
                            + "while " + action + where + detail + ". Check basic.auth.credentials.source and "
                            + "basic.auth.user.info, or bearer.auth.*",
                    e);
        }
        if (e.status() == 403) {
            return new SchemaRegistryAuthorizationException(
                    "Schema registry authorization failed (HTTP 403): "
                            + "the credentials are not allowed to do this while " + action + where + detail,
                    e);
        }
        if (e.status() == 0) {
            return new SerializationException(
                    "Schema registry unreachable after retries while " + action + where + detail, e);
        }
        if (e.status() >= 500) {
            return new SerializationException(
                    "Schema registry failed (HTTP " + e.status() + ") while " + action + where + detail, e);
        }
        return switch (e.errorCode()) {
            case SCHEMA_NOT_FOUND ->
                new SerializationException(
                        "Unknown schema id: the registry has no schema " + (id == null ? "matching" : "with id " + id)
                                + " while " + action + where + detail,
                        e);
            case SUBJECT_NOT_FOUND, VERSION_NOT_FOUND ->
                new SerializationException("Subject not found while " + action + where + detail, e);
            default ->
                new SerializationException(
                        "Schema registry error (HTTP " + e.status() + ", error code " + e.errorCode() + ") while "
                                + action + where + detail,
                        e);
        };
    }
}
