package dev.eventcontracts.maven.internal;

/**
 * A schema that is not valid Avro, or fails a lint rule: the build's fault, so the goals turn it into a
 * {@code MojoFailureException}.
 */
public final class InvalidContractException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the subject, the file and what is wrong; never null
     * @param cause the parser's exception, or null
     */
    public InvalidContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
