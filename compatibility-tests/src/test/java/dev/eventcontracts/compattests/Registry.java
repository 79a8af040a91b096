package dev.eventcontracts.compattests;

/**
 * The registries the interoperability suite runs every case against, as the parameter of each test. Both are
 * live: ours (dev-stack's {@code @WithKafka(registry = true)}) and Apicurio ({@link Apicurio}). Confluent's is
 * covered by the recorded fixtures of registry-client and avro-serde.
 */
enum Registry {
    OURS("our registry"),
    APICURIO("Apicurio Registry " + Apicurio.version());

    private final String label;

    Registry(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
