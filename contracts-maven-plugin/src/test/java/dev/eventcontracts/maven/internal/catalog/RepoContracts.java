package dev.eventcontracts.maven.internal.catalog;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The repository's own contracts, read as the goals read them: the realistic fixture of the generator tests. */
final class RepoContracts {

    static final Path SCHEMAS = Paths.get("").toAbsolutePath().getParent().resolve("schemas");
    static final String NS = "dev.eventcontracts.orders.";

    private RepoContracts() {}

    static ContractSources read() throws Exception {
        return read(SCHEMAS);
    }

    static ContractSources read(Path schemas) throws Exception {
        return ContractSources.read(
                schemas.resolve("topics.json"), schemas.resolve("avro"), schemas.resolve("released"));
    }
}
