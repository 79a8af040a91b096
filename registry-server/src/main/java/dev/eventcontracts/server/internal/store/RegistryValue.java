package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The value of one record of the store topic, in Confluent Schema Registry's format. A null value is a tombstone.
 *
 * <p>Confluent's values may carry fields this registry does not model (for example {@code metadata},
 * {@code ruleSet}, {@code schemaTags} on a schema, {@code normalize} or {@code alias} on a config). The codec keeps
 * them in {@link #extras()} so that re-encoding a record read from a Confluent-written topic loses nothing.
 */
public sealed interface RegistryValue
        permits SchemaValue, ConfigValue, ModeValue, DeleteSubjectValue, ClearSubjectValue {

    /**
     * Fields of the JSON value that this registry does not model, in the order they were read; empty for values
     * this registry created. The returned node is a copy.
     */
    ObjectNode extras();
}
