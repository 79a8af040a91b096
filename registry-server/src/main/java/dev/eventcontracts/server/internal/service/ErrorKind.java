package dev.eventcontracts.server.internal.service;

/**
 * Every error the registry answers, with Confluent Schema Registry's HTTP status, {@code error_code} and message
 * format (Confluent's {@code Errors} and {@code Rest*Exception} classes). The one deliberate difference:
 * {@link #SCHEMA_TOO_LARGE} answers 422 where Confluent answers 500, because the client sent it.
 */
public enum ErrorKind {
    SUBJECT_NOT_FOUND(404, 40401, "Subject '%s' not found."),
    VERSION_NOT_FOUND(404, 40402, "Version %s not found."),
    SCHEMA_NOT_FOUND(404, 40403, "Schema %s not found"),
    SCHEMA_NOT_FOUND_UNDER_SUBJECT(404, 40403, "Schema not found"),
    SUBJECT_SOFT_DELETED(404, 40404, "Subject '%s' was soft deleted.Set permanent=true to delete permanently"),
    SUBJECT_NOT_SOFT_DELETED(404, 40405, "Subject '%s' was not deleted first before being permanently deleted"),
    VERSION_SOFT_DELETED(
            404, 40406, "Subject '%s' Version %s was soft deleted.Set permanent=true to delete permanently"),
    VERSION_NOT_SOFT_DELETED(
            404, 40407, "Subject '%s' Version %s was not deleted first before being permanently deleted"),
    SUBJECT_LEVEL_NOT_CONFIGURED(404, 40408, "Subject '%s' does not have subject-level compatibility configured"),
    SUBJECT_MODE_NOT_CONFIGURED(404, 40409, "Subject '%s' does not have subject-level mode configured"),
    /** The message is the engine's Confluent wording ({@code CompatibilityResult#registerConflictMessage}). */
    INCOMPATIBLE_SCHEMA(409, 40901, "%s"),
    INVALID_SCHEMA(422, 42201, "%s"),
    INVALID_VERSION(
            422,
            42202,
            "The specified version '%s' is not a valid version id. "
                    + "Allowed values are between [1, 2^31-1] and the string \"latest\""),
    INVALID_COMPATIBILITY_LEVEL(
            422,
            42203,
            "Invalid compatibility level. Valid values are none, backward, "
                    + "forward, full, backward_transitive, forward_transitive, and full_transitive"),
    INVALID_MODE(422, 42204, "Invalid mode. Valid values are READWRITE, READONLY, and IMPORT."),
    OPERATION_NOT_PERMITTED(422, 42205, "%s"),
    REFERENCE_EXISTS(422, 42206, "One or more references exist to the schema %s."),
    ID_DOES_NOT_MATCH(422, 42207, "%s"),
    INVALID_SUBJECT(422, 42208, "The specified subject '%s' is not a valid."),
    SCHEMA_TOO_LARGE(422, 42209, "%s"),
    STORE_ERROR(500, 50001, "%s"),
    OPERATION_TIMEOUT(500, 50002, "%s"),
    FORWARDING_FAILED(500, 50003, "%s"),
    UNKNOWN_LEADER(500, 50004, "%s"),
    /** Not Confluent's: the instance is still replaying its store. */
    NOT_READY(503, 50301, "%s"),

    // HTTP-level errors, answered the way Confluent's REST layer answers them.
    MALFORMED_JSON(400, 400, "%s"),
    UNAUTHORIZED(401, 401, "Unauthorized"),
    FORBIDDEN(403, 403, "%s"),
    NOT_FOUND(404, 404, "HTTP 404 Not Found"),
    METHOD_NOT_ALLOWED(405, 405, "HTTP 405 Method Not Allowed"),
    /** Not in Confluent's table: the request body stopped arriving, or arrived too slowly. */
    REQUEST_TIMEOUT(408, 408, "%s"),
    PAYLOAD_TOO_LARGE(413, 413, "%s"),
    UNSUPPORTED_MEDIA_TYPE(415, 415, "HTTP 415 Unsupported Media Type"),
    UNPROCESSABLE_ENTITY(422, 422, "%s"),
    INTERNAL(500, 500, "%s");

    private final int httpStatus;
    private final int errorCode;
    private final String messageFormat;

    ErrorKind(int httpStatus, int errorCode, String messageFormat) {
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.messageFormat = messageFormat;
    }

    /** The HTTP status of the answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code error_code} of the answer's body. */
    public int errorCode() {
        return errorCode;
    }

    /** The message with {@code args} filled into the format. */
    public String message(Object... args) {
        return args.length == 0 ? messageFormat.replace("%s", "") : String.format(messageFormat, args);
    }
}
