package dev.eventcontracts.maven.internal;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.contracts.ContractException;
import dev.eventcontracts.contracts.InvalidContractSchemaException;
import dev.eventcontracts.contracts.SubjectPlan;
import dev.eventcontracts.schema.AvroSchema;
import java.util.List;

/**
 * The core's {@link dev.eventcontracts.contracts.SchemaAssembler} with the goals' two kinds of failure: a schema
 * that is not valid Avro is the build's fault ({@link InvalidContractException}), a reference that cannot be
 * resolved stops the goal ({@link GateException}).
 */
public final class SchemaAssembler {

    /** Looks up subjects that the run does not plan, e.g. in a registry. */
    @FunctionalInterface
    public interface ExternalSubjects {

        /**
         * Fetches a registered version of a subject.
         *
         * @param subject the subject; never null
         * @param version the version, or {@code -1} for the latest
         * @return the version; never null
         * @throws GateException when it cannot be fetched
         */
        RegisteredVersion fetch(String subject, int version) throws GateException;
    }

    private final dev.eventcontracts.contracts.SchemaAssembler<GateException> assembler;

    /**
     * Creates an assembler.
     *
     * @param plans the subjects of this run; never null
     * @param external where other referenced subjects are looked up; null when there is none
     */
    public SchemaAssembler(List<SubjectPlan> plans, ExternalSubjects external) {
        this.assembler = new dev.eventcontracts.contracts.SchemaAssembler<>(
                plans,
                external == null
                        ? null
                        : (subject, version) -> external.fetch(subject, version).schema());
    }

    /**
     * Remembers the version a subject got in this run, for references without a configured version.
     *
     * @param subject the subject; never null
     * @param version its version
     */
    public void recordVersion(String subject, int version) {
        assembler.recordVersion(subject, version);
    }

    /**
     * Builds the schema of a planned subject.
     *
     * @param subject a subject of this run; never null
     * @return the schema with references; never null
     * @throws InvalidContractException when the text or a referenced text is not valid Avro
     * @throws GateException when a referenced subject cannot be found
     */
    public AvroSchema assemble(String subject) throws InvalidContractException, GateException {
        try {
            return assembler.assemble(subject);
        } catch (InvalidContractSchemaException e) {
            throw new InvalidContractException(e.getMessage(), e);
        } catch (ContractException e) {
            throw new GateException(e.getMessage(), e);
        }
    }
}
