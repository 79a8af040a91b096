package dev.eventcontracts.server.internal.service;

/**
 * This instance may not write; the HTTP edge forwards the request to the writer instance instead of answering.
 * Not an error the client ever sees.
 */
public final class WriterElsewhereException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With the reason (for logs). */
    public WriterElsewhereException(String reason) {
        super(reason, null, false, false);
    }
}
