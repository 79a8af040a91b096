package dev.eventcontracts.server.internal.store.e2e;

/** Distinct, valid Avro schemas for load and restart tests. */
final class Schemas {

    private Schemas() {}

    /** The {@code n}-th distinct record schema. */
    static String record(int n) {
        return "{\"type\":\"record\",\"name\":\"Load" + n + "\",\"namespace\":\"dev.eventcontracts.load\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"n" + n + "\",\"type\":\"long\"}]}";
    }
}
