package dev.eventcontracts.schema;

/**
 * Thrown when a schema text is not a valid Avro schema (syntax, unknown names, invalid defaults, missing
 * references). The message names what is wrong; the registry answers it as error 42201.
 */
public final class InvalidSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the schema, for people; never null
     * @param cause the parser's exception, or null
     */
    public InvalidSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
