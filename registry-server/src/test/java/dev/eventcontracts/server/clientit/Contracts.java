package dev.eventcontracts.server.clientit;

import dev.eventcontracts.client.RegisterSchemaRequest;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.UUID;

/**
 * The schemas and subject names of one test: a {@code Money} record and an {@code OrderCreated} record that
 * references it, in a namespace of the test's own, so that no two tests share a schema id on the JVM's shared
 * registry.
 *
 * @param token a unique token, used in the namespace and in every subject name
 */
record Contracts(String token) {

    /** Fresh names for one test. */
    static Contracts fresh() {
        return new Contracts("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** A subject of this test, {@code clientit-<token>-<name>}. */
    String subject(String name) {
        return "clientit-" + token + "-" + name;
    }

    /** The prefix shared by every subject of this test. */
    String subjectPrefix() {
        return "clientit-" + token + "-";
    }

    String namespace() {
        return "clientit." + token;
    }

    /** The full name of the Money record. */
    String moneyName() {
        return namespace() + ".Money";
    }

    /** Money: a decimal amount and a currency. */
    String money() {
        return "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"" + namespace() + "\",\"fields\":["
                + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,"
                + "\"scale\":2}},{\"name\":\"currency\",\"type\":\"string\"}]}";
    }

    /** OrderCreated: an order id and a total of the referenced type Money (by name, not inlined). */
    String orderCreated() {
        return "{\"type\":\"record\",\"name\":\"OrderCreated\",\"namespace\":\"" + namespace() + "\",\"fields\":["
                + "{\"name\":\"orderId\",\"type\":\"string\"},{\"name\":\"total\",\"type\":\"" + moneyName()
                + "\"}]}";
    }

    /** The reference of OrderCreated to Money registered under {@code moneySubject} at {@code version}. */
    SchemaReference moneyReference(String moneySubject, int version) {
        return new SchemaReference(moneyName(), moneySubject, version);
    }

    /** The request registering OrderCreated with its reference to Money. */
    RegisterSchemaRequest orderCreatedRequest(String moneySubject, int moneyVersion) {
        return RegisterSchemaRequest.of(orderCreated(), null, List.of(moneyReference(moneySubject, moneyVersion)));
    }

    /** A record {@code name} of this test's namespace with the given string fields. */
    String record(String name, String... stringFields) {
        StringBuilder sb = new StringBuilder(
                "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"" + namespace() + "\",\"fields\":[");
        for (int i = 0; i < stringFields.length; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(stringFields[i])
                    .append("\",\"type\":\"string\"}");
        }
        return sb.append("]}").toString();
    }

    /** {@link #record} plus an int field {@code extra}, with a default when {@code withDefault}. */
    String recordWithInt(String name, String extra, boolean withDefault, String... stringFields) {
        String base = record(name, stringFields);
        String field = "{\"name\":\"" + extra + "\",\"type\":\"int\"" + (withDefault ? ",\"default\":0" : "") + "}";
        return base.substring(0, base.length() - 2) + (stringFields.length == 0 ? "" : ",") + field + "]}";
    }

    /** A record {@code name} whose only field {@code a} is an int: incompatible with {@code record(name, "a")}. */
    String intField(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"" + namespace() + "\",\"fields\":"
                + "[{\"name\":\"a\",\"type\":\"int\"}]}";
    }

    /** A plain Avro request, no references. */
    static RegisterSchemaRequest avro(String schema) {
        return RegisterSchemaRequest.of(schema, null, null);
    }
}
