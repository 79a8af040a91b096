package dev.eventcontracts.server;

import java.util.UUID;

/** Avro schema texts for the tests. */
final class Schemas {

    private Schemas() {}

    /** A record {@code name} with string fields named by {@code fields}. */
    static String record(String name, String... fields) {
        StringBuilder sb =
                new StringBuilder("{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"test\",\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(fields[i])
                    .append("\",\"type\":\"string\"}");
        }
        return sb.append("]}").toString();
    }

    /** {@code record} plus an int field with a default (a backward-compatible change). */
    static String withOptionalInt(String name, String field, String... fields) {
        String base = record(name, fields);
        String extra = "{\"name\":\"" + field + "\",\"type\":\"int\",\"default\":0}";
        return base.substring(0, base.length() - 2) + (fields.length == 0 ? "" : ",") + extra + "]}";
    }

    /** A record whose only field {@code a} is an int (incompatible with {@code record(name, "a")}). */
    static String intField(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"test\",\"fields\":"
                + "[{\"name\":\"a\",\"type\":\"int\"}]}";
    }

    /** A unique subject name. */
    static String subject() {
        return "s-" + UUID.randomUUID();
    }
}
