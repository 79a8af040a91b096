package dev.eventcontracts.maven.internal;

import dev.eventcontracts.contracts.ContractException;
import dev.eventcontracts.contracts.InvalidContractSchemaException;
import dev.eventcontracts.contracts.ReleaseHistory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The released baseline in the repository ({@code schemas/released/v1/}, {@code v2/}, ...) as a history source:
 * the core's {@link ReleaseHistory}, a subject's versions as a registry would hold them.
 */
public final class BaselineHistory implements HistorySource {

    private final ReleaseHistory history;
    private final Path releasesDir;

    private BaselineHistory(ReleaseHistory history, Path releasesDir) {
        this.history = history;
        this.releasesDir = releasesDir;
    }

    /**
     * Returns the baseline of a repository that has released nothing yet: every subject is new.
     *
     * @param releasesDir where the releases will be; never null
     * @return the empty baseline; never null
     */
    public static BaselineHistory none(Path releasesDir) {
        return new BaselineHistory(null, releasesDir);
    }

    /**
     * Reads every release under a directory.
     *
     * @param releasesDir the directory holding one sub-directory per release; never null
     * @return the baseline; never null
     * @throws GateException when a release cannot be read
     * @throws InvalidContractException when a released schema is not valid Avro
     */
    public static BaselineHistory read(Path releasesDir) throws GateException, InvalidContractException {
        try {
            return new BaselineHistory(ReleaseHistory.read(releasesDir), releasesDir);
        } catch (InvalidContractSchemaException e) {
            throw new InvalidContractException(e.getMessage(), e);
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
    }

    @Override
    public SubjectHistory history(String subject) {
        if (history == null) {
            return SubjectHistory.none();
        }
        ReleaseHistory.SubjectVersions versions = history.subject(subject);
        return versions.versions().isEmpty()
                ? SubjectHistory.none()
                : new SubjectHistory(versions.versions(), versions.labels(), Optional.empty());
    }

    @Override
    public String describe() {
        return history == null
                ? "the released baseline in " + releasesDir + " (no release yet)"
                : "the released baseline in " + history.directory();
    }
}
