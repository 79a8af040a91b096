package dev.eventcontracts.maven.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Paths to the repository's own contracts, which the tests use as a realistic fixture. */
final class RepoSchemas {

    static final Path ROOT = Paths.get("").toAbsolutePath().getParent().resolve("schemas");
    static final Path DESCRIPTOR = ROOT.resolve("topics.json");
    static final Path AVRO = ROOT.resolve("avro");
    static final Path RELEASED = ROOT.resolve("released");
    static final String NS = "dev.eventcontracts.orders.";

    private RepoSchemas() {}
}
