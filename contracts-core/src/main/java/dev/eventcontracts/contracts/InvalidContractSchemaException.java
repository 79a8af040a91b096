package dev.eventcontracts.contracts;

/**
 * A schema of the contract that is not valid Avro: the contract's author must fix the file. The message names the
 * subject, the file it comes from and Avro's complaint.
 *
 * @since 0.1.0
 */
public final class InvalidContractSchemaException extends ContractException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the subject, the source and what is wrong; never null
     * @param cause the parser's exception; may be null
     */
    public InvalidContractSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
