package dev.eventcontracts.maven.internal;

/**
 * Where the earlier versions of subjects come from: a live registry, the released baseline in the
 * repository, or files named in the configuration.
 */
public interface HistorySource {

    /**
     * Returns the earlier versions of a subject.
     *
     * @param subject the subject; never null
     * @return its history; {@link SubjectHistory#none()} when it has none
     * @throws GateException when the history cannot be read (unreachable registry, unreadable files)
     */
    SubjectHistory history(String subject) throws GateException;

    /** Returns what the history is checked against, for messages and reports, e.g. a URL or directory. */
    String describe();
}
