package dev.eventcontracts.maven.internal;

/**
 * A problem that stops a goal before any verdict: a missing or malformed file, a descriptor entry that is not
 * there, a registry that cannot be reached. The goals turn it into a {@code MojoExecutionException}.
 */
public final class GateException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file, key or URL; never null
     * @param cause the underlying exception, or null
     */
    public GateException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong; never null
     */
    public GateException(String message) {
        super(message);
    }
}
