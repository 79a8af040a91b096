package dev.eventcontracts.contracts;

/**
 * A contract that cannot be read as it is: a missing or malformed file, a descriptor entry that is not there or
 * has a value outside what is allowed, a type used but defined by no file, references that form a cycle. The
 * message names the file or resource, the entry and what was expected.
 *
 * @since 0.1.0
 */
public class ContractException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming where; never null
     */
    public ContractException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, naming where; never null
     * @param cause the underlying exception, e.g. an {@code IOException}; may be null
     */
    public ContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
