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

    private BaselineHistory(ReleaseHistory history) {
        this.history = history;
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
            return new BaselineHistory(ReleaseHistory.read(releasesDir));
        } catch (InvalidContractSchemaException e) {
            throw new InvalidContractException(e.getMessage(), e);
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
    }

    @Override
    public SubjectHistory history(String subject) {
        ReleaseHistory.SubjectVersions versions = history.subject(subject);
        return versions.versions().isEmpty()
                ? SubjectHistory.none()
                : new SubjectHistory(versions.versions(), versions.labels(), Optional.empty());
    }

    @Override
    public String describe() {
        return "the released baseline in " + history.directory();
    }
}
